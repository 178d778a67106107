//go:build !linux

package store

// releaseMapped does nothing where madvise on bolt's map is not known to be
// safe; the pages stay resident until the store is closed.
func releaseMapped(h *boltHandle) error { return nil }
