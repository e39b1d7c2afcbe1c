// Package rst parses reStructuredText into a tree of blocks and converts
// its inline markup to CommonMark.
//
// It knows RST only: the block constructs it recognises are section titles,
// paragraphs, literal blocks, directives, field lists, bullet lists, block
// quotes and comments, following the docutils rules where they matter:
//
//   - Lines end at "\n", "\r\n" or "\r"; a leading UTF-8 byte order mark is
//     skipped. The source must be UTF-8: the byte order mark of UTF-16 or
//     UTF-32, invalid UTF-8 and NUL bytes are errors. Positions count bytes
//     of the source line.
//   - Lines are indented with spaces: a tab in the indentation of a line
//     that is not blank is an error. Other tabs are expanded to 8-column tab
//     stops before anything else, as docutils does (literal blocks keep them
//     as written); vertical tabs and form feeds are spaces, as in docutils,
//     and lines holding only whitespace are blank.
//   - A title is a line underlined (or over- and underlined) by one repeated
//     punctuation character, at least as long as the title. Titles, and
//     transitions (which are not supported), are only allowed at the top
//     level; elsewhere they are errors, as in docutils.
//   - A body (of a directive, field or list item) is the text after its
//     marker and the following lines indented more than the marker. Its
//     indentation is that of the lines starting its blocks (for a list item
//     with text after the bullet, the column of that text, as in docutils).
//     Generated pages wrap paragraphs carelessly, so a line directly after a
//     line of a body that is indented less than the body, even as little as
//     the marker or less, continues it (a lazy continuation line) unless it
//     starts a bullet item, a field or explicit markup.
//   - A paragraph runs to the next blank line, and continues over lines
//     indented differently, where docutils would report an error; a
//     paragraph ending in "::" introduces a literal block, the following
//     lines indented more than it. A line indented less that directly
//     follows the block is an error (docutils warns of an "unexpected
//     unindent").
//   - For the admonition directives (note, warning, tip, important,
//     attention, caution, danger, error, hint, seealso) the text on the
//     directive line starts the content; when that first paragraph ends in
//     "::", the indented lines after it are its literal block even if the
//     rest of the content is indented as much.
//   - Only the directives and interpreted text roles the boto3 pages use
//     (py:class, py:method, note, warning and danger; doc, py:meth and ref),
//     the other admonitions and the standard roles Markdown renders are
//     accepted; any other directive or role in a paragraph or title is an
//     error, as in docutils.
//   - Explicit markup that is not a directive (hyperlink targets, footnotes
//     and substitution definitions included) is a Comment. Enumerated,
//     definition and option lists, tables, line blocks and doctest blocks
//     are not recognised; their lines are paragraphs (or block quotes).
//   - Files are at most MaxSize bytes, lines at most MaxLineLength bytes and
//     blocks nest at most MaxDepth levels deep; beyond these limits Parse
//     reports an error. Parsing takes time linear in the size of the input
//     for each level of nesting.
//
// Markdown converts the inline markup of a paragraph, and BlocksMarkdown a
// sequence of blocks, to CommonMark.
package rst
