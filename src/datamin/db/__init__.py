"""scan-db: a live database read as it is, never changed.

`connect` opens it read-only (the password from the environment, never shown), `catalog` turns
its tables, views and columns into the same schema the SQL readers build, and `sample` looks at
a bounded number of each text column's values and says what they are, in counts and masks only.
"""
