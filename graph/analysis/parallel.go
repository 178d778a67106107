package analysis

import (
	"runtime"
	"sync"
)

// workers is how many goroutines a kernel uses: every core the process may use.
func workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// parallelFor calls fn on contiguous ranges that cover 0…n-1, one per
// worker, and waits. fn must not write where another range reads.
func parallelFor(n int, fn func(lo, hi int)) {
	p := workers()
	if n < 4096 || p == 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for i := 0; i < p; i++ {
		lo, hi := n*i/p, n*(i+1)/p
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// blocks is the fixed number of ranges a reduction is split into. Sums are
// taken per block in index order and the blocks added in block order, so a
// result does not depend on the number of cores.
const blocks = 64

// parallelBlocks splits 0…n-1 into a fixed number of blocks, calls fn for
// each (block b covers lo…hi-1) on as many goroutines as there are cores,
// and waits.
func parallelBlocks(n int, fn func(b, lo, hi int)) {
	nb := blocks
	if n < 4096 {
		nb = 1
	}
	runTasks(nb, func(b int) { fn(b, n*b/nb, n*(b+1)/nb) })
}

// runTasks runs task(0…count-1) on a pool of workers and waits.
func runTasks(count int, task func(i int)) {
	p := min(workers(), count)
	if p <= 1 {
		for i := 0; i < count; i++ {
			task(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, count)
	for i := 0; i < count; i++ {
		next <- i
	}
	close(next)
	for w := 0; w < p; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				task(i)
			}
		}()
	}
	wg.Wait()
}
