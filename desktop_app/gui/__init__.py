"""The desktop window: thin Qt adapters over the domain, the importer and the project.

Nothing outside this package imports Qt. Long work runs in a separate process
(desktop_app.gui.background) so the window never stalls.
"""
