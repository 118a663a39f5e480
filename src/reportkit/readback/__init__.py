"""A .docx reportkit wrote (edited since in Word, WPS or LibreOffice, or not) read back into the
source it was built from: each paragraph's part known by its style, the template's."""
