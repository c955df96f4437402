"""Network metrics: a graph in, a tidy pandas DataFrame out."""
