// How many plans the graph holds; the server seeds the bundled Plan when there are none.
MATCH (p:Plan)
RETURN count(p) AS plans
