//go:build !unix

package testenv

import "time"

// CPUTime returns 0: this platform does not report process CPU time.
func CPUTime() time.Duration { return 0 }
