"""PyYAML's and libyaml's words for a slip in a YAML file, said in Chinese for an office clerk."""

from __future__ import annotations

import re

_BLOCK_SCALAR = "“|”或“>”后面应直接换行，下面的内容另起一行并缩进"
_TAG = "以“!”开头的内容会被当作 YAML 标记：内容以“!”开头时请给整段内容加引号"
_ANCHOR = "以“&”或“*”开头的内容会被当作锚点或引用：内容以“&”“*”开头时请给整段内容加引号"
_DIRECTIVE = "以“%”开头的行会被当作 YAML 指令：内容以“%”开头时请给整段内容加引号"
_ESCAPE = "双引号里的反斜杠“\\”后面的写法无法识别：要写反斜杠本身请写成“\\\\”，或改用单引号"
_INDENT = "缩进没有对齐，或者上一行的引号没有配对"

# (what the parser says, what it was doing or None for anything, the hint): the first match
# wins.  The words are those of libyaml (the loader reportkit uses) and of PyYAML's own
# scanner, parser and composer (its fallback); {char} is the character where the slip is.
_PROBLEMS: tuple[tuple[str, str | None, str], ...] = (
    (
        r"mapping values are not allowed|found unexpected ':'",
        None,
        "冒号用法有误：字段名后的冒号要跟一个空格，内容里的冒号请用全角“：”或给内容加引号",
    ),
    (r"could not find expected ':'", None, "缺少冒号，或者缩进没有对齐"),
    (r"did not find expected key|expected <block end>", None, _INDENT),
    (
        r"did not find expected '-' indicator",
        None,
        "列表的缩进没有对齐：每一项都以“- ”开头，并且上下对齐",
    ),
    (
        r"found (a )?tab character|found character '\\t'",
        None,
        "不能用 Tab 键缩进，请改用空格",
    ),
    (
        r"found character .*that cannot start any token",
        None,
        "“{char}”不能出现在内容的开头：请给整段内容加引号",
    ),
    (
        r"found unexpected end of stream",
        None,
        "引号没有配对：从这里开始的引号直到文件结束也没有结束",
    ),
    (
        r"found unknown escape character|did not find expected hexdecimal number"
        r"|expected escape sequence of|found invalid Unicode character escape code",
        None,
        _ESCAPE,
    ),
    (
        r"found undefined alias",
        None,
        "引用了不存在的锚点（*名称）；内容以“*”开头时请给整段内容加引号",
    ),
    (r"found duplicate anchor|second occurrence", None, "锚点（&名称）重复"),
    (
        r"expected a single document|but found another document",
        None,
        "一个文件里只能有一份内容，请删去多余的“---”",
    ),
    (r"exceeded maximum nesting depth", None, "嵌套层次太深"),
    (
        r"found an indentation indicator equal to 0|expected indentation indicator"
        r"|expected chomping or indentation indicators",
        None,
        _BLOCK_SCALAR,
    ),
    (
        r"did not find expected comment or line break|expected a comment or a line break",
        r"while scanning a block scalar",
        _BLOCK_SCALAR,
    ),
    (
        r"did not find expected comment or line break|expected a comment or a line break",
        None,
        "这一行的内容后面多了文字：请给整段内容加引号",
    ),
    (
        r"found unknown directive name|found duplicate (%YAML|YAML|%TAG) directive"
        r"|found incompatible YAML document|did not find expected version number"
        r"|found extremely long version number|did not find expected digit or '.'"
        r"|expected a digit|could not find expected directive name|duplicate tag handle"
        r"|found unexpected non-alphabetical character",
        None,
        _DIRECTIVE,
    ),
    (
        r"did not find expected whitespace|expected ' ', but found",
        r"while scanning a (directive|%)",
        _DIRECTIVE,
    ),
    (
        r"found undefined tag handle|did not find expected whitespace|expected ' ', but found|did not find expected tag URI|did not find expected '!'"
        r"|expected '!'|expected URI|did not find URI escaped octet|did not find the expected '>'"
        r"|expected '>'|expected non-empty name appended to the tag|found non-specific tag",
        None,
        _TAG,
    ),
    (
        r"(did not find expected|expected) alphabetic or numeric character",
        r"while scanning a (directive|%)",
        _DIRECTIVE,
    ),
    (
        r"(did not find expected|expected) alphabetic or numeric character",
        r"while (scanning|parsing) a (tag|%TAG)",
        _TAG,
    ),
    (
        r"(did not find expected|expected) alphabetic or numeric character"
        r"|(alias|anchor) value must",
        None,
        _ANCHOR,
    ),
    (
        r"found unexpected document (indicator|separator)",
        None,
        "引号里的一行以“---”或“...”开头，会被当作文件的分隔：请改写这一行",
    ),
    (
        r"did not find expected ',' or '\]'|expected ',' or '\]'",
        None,
        "方括号“[ ]”没有配对，或其中各项没有用半角逗号分隔：内容以“[”开头时请给整段内容加引号",
    ),
    (
        r"did not find expected ',' or '\}'|expected ',' or '\}'",
        None,
        "花括号“{ }”没有配对，或其中各项没有用半角逗号分隔：内容以“{”开头时请给整段内容加引号",
    ),
    (
        r"did not find expected node content|expected the node content",
        None,
        "这里缺少内容，或内容以 YAML 的特殊符号（[ { | > & * ! 等）开头：请给整段内容加引号",
    ),
    (
        r"did not find expected <document start>|expected '<document start>'",
        None,
        "内容在这一行之前已经结束：请检查这一行的缩进，并删去多余的“...”",
    ),
    (
        r"(block )?sequence entries are not allowed",
        None,
        "列表项“- ”的位置不对：请检查缩进，或给内容加引号",
    ),
    (
        r"mapping keys are not allowed",
        None,
        "以“?”开头的写法不能用在这里：内容以“?”开头时请给整段内容加引号",
    ),
    (r"invalid indentation or unclosed", None, "缩进有误，或方括号、花括号没有配对"),
)

# What the parser was doing, for words of its own not in the list above.
_CONTEXTS: tuple[tuple[str, str], ...] = (
    (
        r"while (scanning|parsing) a (double-)?quoted scalar",
        "引号里的内容写法有误：请检查引号是否成对",
    ),
    (r"while scanning a block scalar", _BLOCK_SCALAR),
    (r"while scanning a simple key", "缺少冒号，或者缩进没有对齐"),
    (r"while (scanning|parsing) (a tag|a %TAG directive|a tag directive)", _TAG),
    (r"while scanning an? (anchor|alias)", _ANCHOR),
    (r"while scanning a (directive|%YAML directive)", _DIRECTIVE),
    (r"while parsing a flow (sequence|mapping|node)", "方括号或花括号没有配对"),
    (r"while parsing a block (mapping|collection|node)", _INDENT),
    (r"while increasing (block|flow) level", "嵌套层次太深"),
)

FALLBACK = "这里的写法无法识别：请检查缩进、冒号和引号"


def hint(problem: str | None, context: str | None, char: str = "") -> str:
    """What a parser's ``problem`` (met while ``context``) means, in Chinese; never English."""
    problem, context = problem or "", context or ""
    for pattern, doing, text in _PROBLEMS:
        matched = re.match(pattern, problem) or re.match(pattern, context)
        if matched and (doing is None or re.match(doing, context)):
            return text.replace("{char}", char)
    for pattern, text in _CONTEXTS:
        if re.match(pattern, context):
            return text
    return FALLBACK
