package store

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped drops the pages of a bolt database's memory map from the
// process's resident set with madvise(MADV_DONTNEED).
//
// Bolt maps its file read-only and shared and writes through the file, never
// through the map, so the map holds no page of its own: the dropped pages
// stay in the operating system's page cache, and the next read of one maps
// it again (a minor fault) with the file's current content. What changes is
// only what the process is charged for: a scan of a large store otherwise
// keeps every page it touched resident until the process ends.
//
// A read transaction is held meanwhile, so that bolt cannot remap the file
// (it remaps only with no transaction open) between finding the map and
// advising on it.
func releaseMapped(h *boltHandle) error {
	tx, err := h.db.Begin(false)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	start := h.db.Info().Data
	end, err := mappingEnd(start)
	if err != nil {
		return err
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("release store pages: madvise: %w", errno)
	}
	return nil
}

// mappingEnd returns the end address of the memory mapping that starts at
// start, read from /proc/self/maps.
func mappingEnd(start uintptr) (uintptr, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	prefix := fmt.Sprintf("%08x-", start) // the kernel pads addresses to 8 digits
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		rest := line[len(prefix):]
		if i := strings.IndexByte(rest, ' '); i > 0 {
			rest = rest[:i]
		}
		end, err := strconv.ParseUint(rest, 16, 64)
		if err != nil || uintptr(end) <= start {
			return 0, fmt.Errorf("release store pages: bad line in /proc/self/maps: %q", line)
		}
		return uintptr(end), nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("release store pages: no mapping at %#x", start)
}
