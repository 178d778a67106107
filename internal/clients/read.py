"""read.py KIND FILE... -- read an exported file with a third-party Python
library and print what it saw as one JSON object:

    {"client": "networkx 2.8.8", "nodes": N, "edges": M, "labels": [...],
     "nodeKeys": [...], "edgeKeys": [...], "warnings": [...]}

KIND names the reader:
    graphml-networkx  networkx.read_graphml
    graphml-igraph    igraph.Graph.Read_GraphML
    gexf-networkx     networkx.read_gexf (GEXF 1.3's namespace registered
                      when this networkx predates it, as networkx does since 3.5)
    json-networkx     networkx node_link_graph (node-link JSON)
    cyjs-networkx     networkx cytoscape_graph (Cytoscape JSON)
    csv-networkx      Python's csv module, then a networkx graph built from the
                      tables as Gephi's spreadsheet import would (two files)
    nquads-rdflib     rdflib Dataset (N-Quads), plus a check that every typed
                      literal is valid for its XML Schema datatype
    dot-pydot         networkx via pydot

Runs under Debian's /usr/bin/python3, where the python3-* packages live.
Exits 1 with the error on standard error when the file does not load.
"""
import json
import sys
import warnings


def keys(dicts):
    out = set()
    for d in dicts:
        out.update(d.keys())
    return sorted(str(k) for k in out)


def describe(client, G, label="label"):
    nodes = [d for _, d in G.nodes(data=True)]
    if G.is_multigraph():
        edges = [d for _, _, _, d in G.edges(keys=True, data=True)]
    else:
        edges = [d for _, _, d in G.edges(data=True)]
    return {
        "client": client,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "labels": [d.get(label) for d in nodes],
        "nodeKeys": keys(nodes),
        "edgeKeys": keys(edges),
    }


def graphml_networkx(path):
    import networkx as nx
    return describe(f"networkx {nx.__version__} read_graphml", nx.read_graphml(path))


def graphml_igraph(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    return {
        "client": f"igraph {igraph.__version__} Read_GraphML",
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "labels": list(g.vs["label"]) if "label" in g.vs.attributes() else [],
        "nodeKeys": sorted(a for a in g.vs.attributes() if a != "id"),
        "edgeKeys": sorted(g.es.attributes()),
        "directed": g.is_directed(),
    }


def gexf_networkx(path):
    import networkx as nx
    from networkx.readwrite import gexf
    client = f"networkx {nx.__version__} read_gexf"
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
        client += " (GEXF 1.3 namespace registered)"
    G = nx.read_gexf(path)
    out = describe(client, G)
    out["positioned"] = all("position" in d.get("viz", {}) for _, d in G.nodes(data=True))
    out["colored"] = all("color" in d.get("viz", {}) for _, d in G.nodes(data=True))
    out["spells"] = sum(1 for _, d in G.nodes(data=True) if d.get("spells"))
    return out


def json_networkx(path):
    import networkx as nx
    from networkx.readwrite import json_graph
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return describe(f"networkx {nx.__version__} node_link_graph", json_graph.node_link_graph(data))


def cyjs_networkx(path):
    import networkx as nx
    from networkx.readwrite import json_graph
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return describe(f"networkx {nx.__version__} cytoscape_graph", json_graph.cytoscape_graph(data), label="name")


def csv_networkx(nodes_path, edges_path):
    import csv
    import networkx as nx
    with open(nodes_path, encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(edges_path, encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    G = nx.MultiDiGraph()
    for row in nodes:
        G.add_node(row["Id"], **row)
    for row in edges:
        for end in ("Source", "Target"):
            if row[end] not in G:
                raise ValueError(f"edge {row['Id']}: {end} {row[end]!r} is not in the nodes table")
        if row["Type"] not in ("Directed", "Undirected"):
            raise ValueError(f"edge {row['Id']}: Type {row['Type']!r}")
        float(row["Weight"])
        G.add_edge(row["Source"], row["Target"], key=row["Id"], **row)
    out = describe(f"python {sys.version.split()[0]} csv + networkx {nx.__version__}", G, label="Label")
    out["lines"] = [sum(1 for _ in open(p, "rb")) for p in (nodes_path, edges_path)]
    return out


def nquads_rdflib(path):
    import rdflib
    from rdflib.namespace import XSD
    ds = rdflib.Dataset()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds.parse(path, format="nquads")
    resources, predicates, quads = set(), set(), 0
    bad = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        quads += 1
        resources.add(str(s))
        predicates.add(str(p))
        if isinstance(o, rdflib.Literal):
            if o.datatype is not None and str(o.datatype).startswith(str(XSD)) and o.value is None:
                bad.append(f"{o!r} is not a valid {o.datatype}")
            if o.datatype is not None and not str(o.datatype).startswith("http"):
                bad.append(f"{o!r} has a datatype that is not an http IRI")
        else:
            resources.add(str(o))
    if bad:
        raise ValueError("ill-typed literals: " + "; ".join(bad[:5]))
    return {
        "client": f"rdflib {rdflib.__version__} Dataset nquads",
        "nodes": len(resources),
        "edges": quads,
        "labels": [],
        "nodeKeys": sorted(predicates),
        "edgeKeys": [],
        "warnings": [str(w.message) for w in caught],
    }


def dot_pydot(path):
    import networkx as nx
    G = nx.nx_pydot.read_dot(path)
    G.remove_nodes_from([n for n in list(G.nodes) if n.strip() in ("", "\\n")])
    out = describe(f"networkx {nx.__version__} read_dot (pydot)", G)
    out["labels"] = [str(d.get("label", "")).strip('"') for _, d in G.nodes(data=True)]
    return out


READERS = {
    "graphml-networkx": graphml_networkx,
    "graphml-igraph": graphml_igraph,
    "gexf-networkx": gexf_networkx,
    "json-networkx": json_networkx,
    "cyjs-networkx": cyjs_networkx,
    "csv-networkx": csv_networkx,
    "nquads-rdflib": nquads_rdflib,
    "dot-pydot": dot_pydot,
}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in READERS:
        print("usage: read.py " + "|".join(READERS) + " FILE...", file=sys.stderr)
        return 2
    try:
        out = READERS[sys.argv[1]](*sys.argv[2:])
    except Exception as exc:  # the reader's own error is the finding
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(out, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
