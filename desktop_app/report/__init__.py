"""What each appendix shows, described once as data: sections, headings, paragraphs with live figures,
tables, charts with their alternative text, and notes. Built from domain results; free of Qt and ReportLab,
so every writer (PDF, Word, the window, the command line) walks the same description."""
