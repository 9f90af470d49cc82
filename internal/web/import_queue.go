package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"web.busy": {"导入排队已满（%d 个正在进行，%d 个在等待），请 %d 秒后再试",
			"the import queue is full (%d running, %d waiting); try again in %d seconds"},
	})
}

// Import states, as the queue endpoint shows them.
const (
	importQueued   = "queued"   // waiting for a slot
	importReading  = "reading"  // the file is being read and checked cell by cell
	importChecking = "checking" // the figures go through the check rules and are written
)

// importQueue runs imports under a server-wide limit: a reader bounded by
// the limits still takes a core and hundreds of megabytes at its worst, so
// only slots of them run at once, at most queue more wait in arrival
// order, and any further one is refused (503, Retry-After) at once instead
// of piling up. The zero value is ready; its sizes come from the
// configuration on first use.
type importQueue struct {
	once         sync.Once
	slots, queue int

	mu      sync.Mutex
	seq     int64
	running []*importTicket
	waiting []*importTicket // first come, first served
}

// importTicket is one import in the queue.
type importTicket struct {
	ID    int64
	User  string
	File  string
	State string
	Since time.Time // when it arrived
	ready chan struct{}
}

// retryAfter is the wait a refused import is told, in seconds.
const retryAfter = 30

func (q *importQueue) setup(s *Server) {
	q.once.Do(func() { q.slots, q.queue = max(s.cfg.Limits.ImportSlots, 1), max(s.cfg.Limits.ImportQueue, 0) })
}

// acquireImport waits for a slot for user's import of file, and returns
// its ticket; release it when the import is done. A full queue is refused
// at once (EUnavailable; the caller sets Retry-After with writeBusy); a
// request that goes away while waiting leaves the queue.
func (s *Server) acquireImport(ctx context.Context, user, file string) (*importTicket, error) {
	q := &s.imports
	q.setup(s)
	q.mu.Lock()
	q.seq++
	t := &importTicket{ID: q.seq, User: user, File: file, State: importReading, Since: time.Now()}
	if len(q.running) < q.slots && len(q.waiting) == 0 {
		q.running = append(q.running, t)
		q.mu.Unlock()
		return t, nil
	}
	if len(q.waiting) >= q.queue {
		err := errorf(EUnavailable, "web.busy", len(q.running), len(q.waiting), retryAfter)
		q.mu.Unlock()
		return nil, err
	}
	t.State, t.ready = importQueued, make(chan struct{})
	q.waiting = append(q.waiting, t)
	q.mu.Unlock()
	select {
	case <-t.ready:
		return t, nil
	case <-ctx.Done():
		q.mu.Lock()
		if i := slices.Index(q.waiting, t); i >= 0 {
			q.waiting = slices.Delete(q.waiting, i, i+1)
			q.mu.Unlock()
			return nil, ctx.Err()
		}
		q.mu.Unlock()
		s.releaseImport(t) // granted as the request went away
		return nil, ctx.Err()
	}
}

// releaseImport ends t's import and hands its slot to the first waiting.
func (s *Server) releaseImport(t *importTicket) {
	q := &s.imports
	q.mu.Lock()
	defer q.mu.Unlock()
	if i := slices.Index(q.running, t); i >= 0 {
		q.running = slices.Delete(q.running, i, i+1)
	}
	if len(q.waiting) > 0 && len(q.running) < q.slots {
		next := q.waiting[0]
		q.waiting = q.waiting[1:]
		next.State = importReading
		q.running = append(q.running, next)
		close(next.ready)
	}
}

// setImportState records what an import is doing, for the queue endpoint.
func (s *Server) setImportState(t *importTicket, state string) {
	s.imports.mu.Lock()
	t.State = state
	s.imports.mu.Unlock()
}

// importView is an import as GET /api/v1/imports/queue shows it.
type importView struct {
	ID       int64   `json:"id"`
	User     string  `json:"user"`
	File     string  `json:"file"`
	State    string  `json:"state"`
	Position int     `json:"position,omitempty"` // 1 = next, while queued
	Seconds  float64 `json:"seconds"`            // since it arrived
}

// queueView is the queue: its sizes, and the imports the caller may see.
type queueView struct {
	Slots   int          `json:"slots"`
	Queue   int          `json:"queue"`
	Running int          `json:"running"`
	Waiting int          `json:"waiting"`
	Imports []importView `json:"imports"`
}

// snapshot returns the queue with the imports of user (every import when
// user is "").
func (s *Server) importSnapshot(user string) queueView {
	q := &s.imports
	q.setup(s)
	q.mu.Lock()
	defer q.mu.Unlock()
	v := queueView{Slots: q.slots, Queue: q.queue, Running: len(q.running), Waiting: len(q.waiting), Imports: []importView{}}
	add := func(t *importTicket, pos int) {
		if user == "" || t.User == user {
			v.Imports = append(v.Imports, importView{ID: t.ID, User: t.User, File: t.File, State: t.State,
				Position: pos, Seconds: time.Since(t.Since).Round(time.Millisecond).Seconds()})
		}
	}
	for _, t := range q.running {
		add(t, 0)
	}
	for i, t := range q.waiting {
		add(t, i+1)
	}
	return v
}

// writeBusy answers a refused import: 503 with Retry-After.
func writeBusy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
}
