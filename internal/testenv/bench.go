package testenv

import (
	"testing"
	"time"
)

// CPUThroughput measures, from its call to the returned function's call, how
// many megabytes of input the benchmark read per second of process CPU time
// (all cores together), and reports it as "MB/cpu-s". Unlike the wall-clock
// MB/s of b.SetBytes, it stays meaningful on a machine busy with other work.
func CPUThroughput(b *testing.B, bytesPerOp int64) (stop func()) {
	b.Helper()
	start := CPUTime()
	return func() {
		used := CPUTime() - start
		if used <= 0 || b.N == 0 {
			return
		}
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/used.Seconds(), "MB/cpu-s")
		b.ReportMetric(float64(used)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
	}
}
