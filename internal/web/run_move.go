package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// noticeDays is the length of the public notice (公示) a plain move to
// notice opens: DESIGN.md §1, "about 7 days". The lifecycle page and API
// set other windows.
const noticeDays = 7

// moveRun moves a run to state to, as the transitions API and the /runs
// buttons do. A move to public notice always opens a window, so that no run
// stands in notice without the days its objections depend on: from today
// (China time) for noticeDays days.
func (s *Server) moveRun(r *http.Request, actor store.Actor, id int64, to auth.RunState, note string) (store.Run, error) {
	if to != auth.StateNotice {
		return s.db.Transition(r.Context(), actor, id, to, note)
	}
	start := store.Day(s.now())
	return s.db.StartNotice(r.Context(), actor, id, start, start.AddDate(0, 0, noticeDays-1), note)
}
