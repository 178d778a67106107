// Package all registers every export format; import it for its side effect.
package all

import (
	_ "parkgraph/export/dot"     // DOT
	_ "parkgraph/export/graphml" // GraphML
)
