"""Name resolution: matching written-in names and respondents to the actors of a project."""
