"""PDF appendices for committee papers, written with ReportLab's platypus.

The package depends on the domain (the figures) and never the other way
round, and it does not import Qt. Its look is data (resources/report_style.toml,
read by `style`), its words are data (resources/complaints_report_text.toml,
read by `text`), and every figure in them comes from one function
(`figures.report_figures`).
"""
