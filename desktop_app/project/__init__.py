"""The report project: what the author imported, set and wrote, and the file it is saved in.

Plain Python, SQLite and pandas; no Qt. model.Project is the project;
store.save and store.load write and read the file; store's recovery functions
keep the autosaved copy that is offered back after a crash; lock.ProjectLock
is the lock beside a project while a window has it open.
"""
