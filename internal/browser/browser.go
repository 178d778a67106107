// Package browser drives a headless Chromium through the Chrome DevTools
// Protocol, for tests of the web UI: open a page, evaluate JavaScript in it,
// wait for a condition and take a screenshot.
package browser

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/websocket"
)

// Browser is a running headless Chromium with one page open.
type Browser struct {
	cmd     *exec.Cmd
	ws      *websocket.Conn
	session string // the page's DevTools session

	mu      sync.Mutex
	nextID  int64
	pending map[int64]chan reply
	readErr error
	done    chan struct{}
	stderr  *tailBuffer
}

type reply struct {
	Result json.RawMessage
	Error  *struct {
		Code    int
		Message string
	}
}

// Start launches Chromium (the program at path) headless with a fresh
// profile in profileDir and opens a blank page of the given size.
func Start(ctx context.Context, path, profileDir string, width, height int) (*Browser, error) {
	args := []string{
		"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions",
		"--disable-background-networking", "--disable-sync", "--metrics-recording-only",
		"--remote-debugging-port=0", "--remote-allow-origins=*",
		"--user-data-dir=" + profileDir,
		fmt.Sprintf("--window-size=%d,%d", width, height),
		"about:blank",
	}
	cmd := exec.Command(path, args...)
	ownGroup(cmd)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", path, err)
	}
	b := &Browser{cmd: cmd, pending: map[int64]chan reply{}, done: make(chan struct{}), stderr: &tailBuffer{}}
	wsURL := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			b.stderr.add(line)
			if u, ok := strings.CutPrefix(line, "DevTools listening on "); ok && !sent {
				wsURL <- strings.TrimSpace(u)
				sent = true
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	var u string
	select {
	case u = <-wsURL:
	case <-time.After(30 * time.Second):
		b.kill()
		b.cmd.Wait()
		return nil, fmt.Errorf("chromium did not start within 30s: %s", b.stderr)
	case <-ctx.Done():
		b.kill()
		b.cmd.Wait()
		return nil, ctx.Err()
	}
	b.ws, err = websocket.Dial(u, "", "http://127.0.0.1/")
	if err != nil {
		b.kill()
		b.cmd.Wait()
		return nil, fmt.Errorf("connect to chromium: %w", err)
	}
	b.ws.MaxPayloadBytes = 64 << 20
	go b.read()

	var target struct{ TargetID string }
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		b.Close()
		return nil, err
	}
	var attached struct{ SessionID string }
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		b.Close()
		return nil, err
	}
	b.session = attached.SessionID
	if err := b.call(ctx, b.session, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false,
	}, nil); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

func (b *Browser) read() {
	defer close(b.done)
	for {
		var msg string
		if err := websocket.Message.Receive(b.ws, &msg); err != nil {
			b.mu.Lock()
			b.readErr = err
			for id, ch := range b.pending {
				close(ch)
				delete(b.pending, id)
			}
			b.mu.Unlock()
			return
		}
		var m struct {
			ID int64
			reply
		}
		if json.Unmarshal([]byte(msg), &m) != nil || m.ID == 0 {
			continue // an event
		}
		b.mu.Lock()
		ch := b.pending[m.ID]
		delete(b.pending, m.ID)
		b.mu.Unlock()
		if ch != nil {
			ch <- m.reply
		}
	}
}

// call sends one DevTools command and decodes its result into out.
func (b *Browser) call(ctx context.Context, session, method string, params any, out any) error {
	b.mu.Lock()
	if b.readErr != nil {
		b.mu.Unlock()
		return fmt.Errorf("%s: connection to chromium lost: %v", method, b.readErr)
	}
	b.nextID++
	id := b.nextID
	ch := make(chan reply, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if err := websocket.Message.Send(b.ws, string(data)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case r, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: connection to chromium lost", method)
		}
		if r.Error != nil {
			return fmt.Errorf("%s: %s", method, r.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(r.Result, out)
		}
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		delete(b.pending, id)
		b.mu.Unlock()
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// Navigate opens url in the page and waits until it has loaded.
func (b *Browser) Navigate(ctx context.Context, url string) error {
	var res struct{ ErrorText string }
	if err := b.call(ctx, b.session, "Page.navigate", map[string]any{"url": url}, &res); err != nil {
		return err
	}
	if res.ErrorText != "" {
		return fmt.Errorf("open %s: %s", url, res.ErrorText)
	}
	return b.WaitFor(ctx, `document.readyState === "complete" && location.href !== "about:blank"`)
}

// Eval evaluates a JavaScript expression in the page (awaiting a promise it
// returns) and decodes its value into out (nil to ignore it).
func (b *Browser) Eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage
		}
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	if err := b.call(ctx, b.session, "Runtime.evaluate", map[string]any{
		"expression": expr, "returnByValue": true, "awaitPromise": true,
	}, &res); err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		msg := e.Exception.Description
		if msg == "" {
			msg = e.Text
		}
		return fmt.Errorf("evaluate %q: %s", expr, msg)
	}
	if out != nil && len(res.Result.Value) > 0 {
		return json.Unmarshal(res.Result.Value, out)
	}
	return nil
}

// WaitFor evaluates expr until it is true, or fails when ctx is done.
func (b *Browser) WaitFor(ctx context.Context, expr string) error {
	var last error
	for {
		var ok bool
		if err := b.Eval(ctx, "!!("+expr+")", &ok); err == nil && ok {
			return nil
		} else if err != nil {
			last = err
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return fmt.Errorf("waiting for %s: %w (last error: %v)", expr, ctx.Err(), last)
			}
			return fmt.Errorf("waiting for %s: %w", expr, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Screenshot returns a PNG of the page as shown.
func (b *Browser) Screenshot(ctx context.Context) ([]byte, error) {
	var res struct{ Data string }
	if err := b.call(ctx, b.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &res); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(res.Data)
}

// Log returns the last lines Chromium wrote to its standard error.
func (b *Browser) Log() string { return b.stderr.String() }

// Close ends the browser and waits for it to exit.
func (b *Browser) Close() error {
	if b.ws != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		b.call(ctx, "", "Browser.close", map[string]any{}, nil)
		cancel()
		b.ws.Close()
	}
	exited := make(chan error, 1)
	go func() { exited <- b.cmd.Wait() }()
	select {
	case <-exited:
		b.kill() // helpers that outlived the browser
		return nil
	case <-time.After(5 * time.Second):
		b.kill()
		<-exited
		return errors.New("chromium did not exit; killed")
	}
}

func (b *Browser) kill() { killGroup(b.cmd) }

// tailBuffer keeps the last lines of a stream.
type tailBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (t *tailBuffer) add(l string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.lines = append(t.lines, l)
	if len(t.lines) > 40 {
		t.lines = t.lines[len(t.lines)-40:]
	}
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.Join(t.lines, "\n")
}
