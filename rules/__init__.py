"""datamin's rules as data: data categories, finding codes and the built-in policy."""
