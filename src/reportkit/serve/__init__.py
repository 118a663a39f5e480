"""``reportkit serve``: a workspace in the browser on the same engine as the command line."""
