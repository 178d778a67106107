package analysis

import "os"

func readEdgeFile(name string) ([]Edge, int, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	return ReadEdgeList(f)
}
