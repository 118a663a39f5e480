"""The PDF's logical structure (Tagged PDF): what each piece of a page is, in reading order.

Each block's glyph runs on a page are one marked-content sequence with its own MCID; the
structure tree gathers them into elements — Document, H1 (a style of outline level 1: the
titles), H2 to H6 (headings, by their level), P (paragraphs), Table with TR and TH/TD (its
caption a Caption), Figure with an alternate text (its caption's, or the one the document
gives, as a seal's) followed by its Caption.  Page numbers, rules and a table's header
repeated on a later page are artifacts; a part set flush right beside a paragraph (a date
beside a unit) is a paragraph of its own.  Elements follow the order the layout placed the
blocks in, whatever order a page draws them in (a picture after its caption's text).

reportlab has no tagging API: the marked-content operators go into the content stream with
the text, and the tree is written as plain PDF objects (formatted directly: a 1,000-page
document has tens of thousands of elements).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfdoc

from reportkit.compose.page import Document, Image, Table, Text
from reportkit.layout.pages import RIGHT, Mark, Pages, PlacedImage
from reportkit.template.profile import Profile

PAGE_NUMBER = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
REPEATED = "/Artifact <</Type /Pagination>> BDC"  # a table's header again on a later page
RULES = "/Artifact BMC"
NO_ALT = "图片"  # a picture that has neither caption nor description of its own


class Element:
    """A structure element: its type, parent, where it sorts among its siblings, its marked
    content (page index, MCID), its children and its alternate text."""

    __slots__ = ("alt", "children", "content", "name", "parent", "sort", "tag")

    def __init__(self, tag: str, parent: Element | None, sort: tuple[int, ...], alt: str = ""):
        self.tag, self.parent, self.sort, self.alt = tag, parent, sort, alt
        self.content: list[tuple[int, int]] = []
        self.children: list[Element] = []
        self.name = ""  # its object's name in the PDF, once registered
        if parent is not None:
            parent.children.append(self)


class Tagger:
    """Marked content for each page as it is drawn, and the structure tree built from it."""

    def __init__(self, pages: Pages, profile: Profile):
        document: Document = pages.document
        self.blocks = document.blocks()
        flow = len(document.flow)
        placed = {block: n for n, block in enumerate(pages.order)}
        # reading order: the flow as placed, then the anchored group
        self.position = [
            placed.get(b, b) if b < flow else len(placed) + b for b in range(len(self.blocks))
        ]
        self.levels = {name: profile.style(name).outline_level or 0 for name in profile.styles}
        self.root = Element("Document", None, ())
        self.elements: dict[tuple[Any, ...], Element] = {}
        self.parents: list[list[Element]] = []  # per page: MCID → element
        self.header_page: dict[int, int] = {}  # table block → the page its header was set on

    def new_page(self) -> None:
        """Start the next page's marked content."""
        self.parents.append([])

    def text(self, mark: Mark) -> str:
        """The operator that opens the marked content of ``mark``'s runs on this page."""
        if mark.block < 0:
            return PAGE_NUMBER
        page = len(self.parents) - 1
        block = self.blocks[mark.block]
        if isinstance(block, Table) and mark.row == 0:
            first = self.header_page.setdefault(mark.block, page)
            if first != page:
                return REPEATED
        element = self._element(mark, block)
        return self._marked(element)

    def figure(self, image: PlacedImage) -> str:
        """The operator that opens a picture's marked content."""
        block = self.blocks[image.block] if image.block >= 0 else None
        alt = NO_ALT
        if isinstance(block, Image):
            alt = block.alt or (block.caption.text if block.caption else "") or NO_ALT
        key = ("figure", image.block)
        element = self.elements.get(key)
        if element is None:
            sort = (self.position[image.block], 0) if image.block >= 0 else (len(self.blocks),)
            element = self.elements[key] = Element("Figure", self.root, sort, alt)
        return self._marked(element)

    def _marked(self, element: Element) -> str:
        parents = self.parents[-1]
        element.content.append((len(self.parents) - 1, len(parents)))
        parents.append(element)
        return f"/{element.tag} <</MCID {len(parents) - 1}>> BDC"

    def _element(self, mark: Mark, block: Any) -> Element:
        key = (mark.block, mark.row, mark.column)
        found = self.elements.get(key)
        if found is not None:
            return found
        at = self.position[mark.block]
        if isinstance(block, Table):
            table = self._get(("table", mark.block), "Table", self.root, (at, 0))
            if mark.row < 0:
                element = Element("Caption", table, (0,))
            else:
                row = self._get(("row", mark.block, mark.row), "TR", table, (1, mark.row))
                element = Element("TH" if mark.row == 0 else "TD", row, (mark.column,))
        elif isinstance(block, Image):
            element = Element("Caption", self.root, (at, 1))
        else:
            assert isinstance(block, Text)
            level = min(self.levels.get(block.style, 0), 6)
            tag = f"H{level}" if level else "P"
            # a part set flush right (a date beside a unit) is a paragraph of its own: no
            # space between the two in the text, and a reader must not run them together
            right = mark.row == RIGHT
            element = Element("P" if right else tag, self.root, (at, 1 if right else 0))
        self.elements[key] = element
        return element

    def _get(
        self, key: tuple[Any, ...], tag: str, parent: Element, sort: tuple[int, ...]
    ) -> Element:
        found = self.elements.get(key)
        if found is None:
            found = self.elements[key] = Element(tag, parent, sort)
        return found

    def add_tree(self, document: Any, catalog: Any) -> None:
        """Write the structure tree into ``document`` (reportlab's) and point ``catalog`` and
        the pages at it; call when every page is drawn."""
        pages = document.Pages.pages
        names = [page.__InternalName__ for page in pages]
        for number, page in enumerate(pages):
            page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents = number
            page.Tabs = pdfdoc.PDFName("S")  # tab order: the structure's
        tree = _TreeRoot(self.root, len(pages))
        tree_name = document.Reference(tree).name
        for element in _ordered(self.root):
            element.name = document.Reference(_Node(element, names, tree_name)).name
        tree.parent_tree = document.Reference(_ParentTree(self.parents)).name
        catalog.StructTreeRoot = pdfdoc.PDFObjectReference(tree_name)
        catalog.MarkInfo = pdfdoc.PDFDictionary({"Marked": pdfdoc.PDFtrue})


def _ref(document: Any, name: str) -> str:
    return f"{document.idToObjectNumberAndVersion[name][0]} 0 R"


class _Node(pdfdoc.PDFObject):
    """A structure element as a PDF dictionary."""

    def __init__(self, element: Element, pages: list[str], tree: str):
        self.element, self.pages, self.tree = element, pages, tree

    def format(self, document: Any) -> bytes:
        element = self.element
        parent = element.parent.name if element.parent else self.tree
        out = [f"<< /Type /StructElem /S /{element.tag} /P {_ref(document, parent)}"]
        kids = [_ref(document, child.name) for child in element.children]
        if element.content:
            first = element.content[0][0]
            out.append(f"/Pg {_ref(document, self.pages[first])}")
            for page, mcid in element.content:
                if page == first:
                    kids.append(str(mcid))
                else:
                    kids.append(
                        f"<< /Type /MCR /Pg {_ref(document, self.pages[page])} /MCID {mcid} >>"
                    )
        out.append(f"/K [{' '.join(kids)}]")
        data = " ".join(out).encode()
        if element.alt:
            data += b" /Alt " + pdfdoc.PDFString(element.alt).format(document)
        return data + b" >>"


class _TreeRoot(pdfdoc.PDFObject):
    """The structure tree's root: the Document element and the parent tree."""

    def __init__(self, root: Element, pages: int):
        self.root, self.pages, self.parent_tree = root, pages, ""

    def format(self, document: Any) -> bytes:
        return (
            f"<< /Type /StructTreeRoot /K {_ref(document, self.root.name)} "
            f"/ParentTree {_ref(document, self.parent_tree)} /ParentTreeNextKey {self.pages} >>"
        ).encode()


class _ParentTree(pdfdoc.PDFObject):
    """Each page's marked content back to its elements: a number tree keyed by the pages'
    StructParents, each entry the elements of the page's MCIDs in order."""

    def __init__(self, parents: list[list[Element]]):
        self.parents = parents

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        entries = [
            f"{page} [{' '.join(f'{numbers[e.name][0]} 0 R' for e in elements)}]"
            for page, elements in enumerate(self.parents)
        ]
        return f"<< /Nums [{' '.join(entries)}] >>".encode()


def _ordered(root: Element) -> list[Element]:
    """Every element, parents before children, siblings in reading order."""
    out: list[Element] = []
    stack = [root]
    while stack:
        element = stack.pop()
        element.children.sort(key=lambda child: child.sort)
        out.append(element)
        stack.extend(reversed(element.children))
    return out
