"""The Word writer: a report model as a structured .docx (python-docx), for councils whose committee papers
are Word documents. See `render.py`."""
