package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress reports how far a long job is: a bar redrawn in place on a
// terminal, plain log lines (at most one every interval) anywhere else.
type progress struct {
	w          io.Writer
	verb       string // "build", "load"
	unit       string // "files", "quads"
	total      int64  // items to do; 0 when unknown
	totalBytes int64  // bytes to read; 0 when unknown
	bar        bool
	interval   time.Duration
	start      time.Time
	last       time.Time
	drawn      bool
	now        func() time.Time
}

// newProgress reports to w, as a bar when w is a terminal.
func newProgress(w io.Writer, verb, unit string, total, totalBytes int64) *progress {
	p := &progress{w: w, verb: verb, unit: unit, total: total, totalBytes: totalBytes,
		bar: isTerminal(w), interval: 5 * time.Second, now: time.Now}
	if p.bar {
		p.interval = 200 * time.Millisecond
	}
	p.start = p.now()
	p.last = p.start
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// update reports done items and bytes, unless it reported too recently.
func (p *progress) update(done, bytes int64) {
	if t := p.now(); t.Sub(p.last) >= p.interval {
		p.last = t
		p.report(done, bytes, false)
	}
}

// finish reports the final count and ends the bar's line.
func (p *progress) finish(done, bytes int64) {
	p.report(done, bytes, true)
}

func (p *progress) report(done, bytes int64, final bool) {
	el := p.now().Sub(p.start)
	secs := el.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	rate := float64(bytes) / 1e6 / secs
	eta := ""
	if !final && done > 0 {
		frac := 0.0
		if p.totalBytes > 0 {
			frac = float64(bytes) / float64(p.totalBytes)
		} else if p.total > 0 {
			frac = float64(done) / float64(p.total)
		}
		if frac > 0 && frac < 1 {
			eta = " ETA " + (time.Duration(secs/frac*(1-frac)) * time.Second).Round(time.Second).String()
		}
	}
	count := fmt.Sprintf("%d", done)
	if p.total > 0 {
		count = fmt.Sprintf("%d/%d", done, p.total)
	}
	stats := fmt.Sprintf("%s %s, %.1f MB, %.2f MB/s%s", count, p.unit, float64(bytes)/1e6, rate, eta)
	if !p.bar {
		state := "progress"
		if final {
			state = "done in " + el.Round(100*time.Millisecond).String() + ":"
		}
		fmt.Fprintf(p.w, "parkgraph %s: %s %s\n", p.verb, state, stats)
		return
	}
	const width = 30
	fill := 0
	if p.total > 0 {
		fill = int(float64(width) * float64(done) / float64(p.total))
	}
	if final {
		fill = width
	}
	fill = min(max(fill, 0), width)
	line := fmt.Sprintf("\r[%s%s] %s", strings.Repeat("#", fill), strings.Repeat(".", width-fill), stats)
	fmt.Fprintf(p.w, "%-100s", line)
	p.drawn = true
	if final {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

// interrupt ends the bar's line so that a message can follow.
func (p *progress) interrupt() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
