"""Learning an office's house template from its sample documents."""
