"""The course's Jupyter server side (not imported by the notebooks).

``nnb_server.contents.CourseContentsManager`` is set in ``jupyter/server/
jupyter_server_config.json``, the one config file that `make lab`, `make instructor`,
the JupyterHub set-up and Binder read.
"""
