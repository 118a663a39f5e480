"""Pages laid out on the grid, for every output: line breaking and pagination."""
