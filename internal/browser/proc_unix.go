//go:build unix

package browser

import (
	"os/exec"
	"syscall"
)

// ownGroup starts Chromium in a process group of its own, so that killing
// it also ends its renderer and helper processes.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
