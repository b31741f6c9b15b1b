"""datamin's rules as data: data categories, finding codes and the built-in policy."""

import os

# Where the rule files are, installed or not (importlib.resources costs start-up time).
FOLDER = os.path.dirname(os.path.abspath(__file__))
