// Package all registers every export format; import it for its side effect.
package all

import (
	_ "parkgraph/export/csv"       // CSV nodes and edges
	_ "parkgraph/export/cytoscape" // Cytoscape JSON
	_ "parkgraph/export/dot"       // DOT
	_ "parkgraph/export/gexf"      // GEXF 1.3
	_ "parkgraph/export/graphml"   // GraphML
	_ "parkgraph/export/nodelink"  // node-link JSON
	_ "parkgraph/export/nquads"    // N-Quads
)
