package web

import (
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// resultList returns a run's result rows in the engine's long format (unit,
// node, level, score, rank, group, group_rank, vetoed, awards, period,
// rank_change), optionally of one node (?node=) or group (?group=), as far
// as the caller may see them: everything for the provincial office; from
// 公示 on, her own units' rows for a county or prefecture; for everyone once
// published, the full table or the award winners' rows as the run's
// visibility says. A published run at visibility none is 404 to those who
// may not read it. Published rows never change, so their encoding is
// cached and carries an ETag.
func (s *Server) resultList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	p := callerOf(r).principal()
	f := store.ResultFilter{Node: r.URL.Query().Get("node"), Group: r.URL.Query().Get("group")}
	row := auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility}
	// Can does not narrow by unit once it grants a row of no unit that won
	// nothing: such a caller sees every row.
	all := auth.Can(p, auth.Read, row)
	row.Winner = true
	winners := !all && p.Role == auth.RoleViewer && auth.Can(p, auth.Read, row)
	if !all && !winners {
		rows, err := s.scopedResults(r, run, f)
		if err != nil {
			return err
		}
		writeResults(w, appendResults(nil, rows))
		return nil
	}
	f.WinnersOnly = winners
	e, err := s.published.get(run, f, func() ([]byte, error) {
		rows, err := s.db.Results(r.Context(), run.ID, f)
		return appendResults(nil, rows), err
	})
	if err != nil {
		return err
	}
	if e.etag != "" {
		w.Header().Set("ETag", e.etag)
		if r.Header.Get("If-None-Match") == e.etag {
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
	}
	writeResults(w, e.body)
	return nil
}

// scopedResults is the slow path: each row checked with auth.Can against
// its unit and the unit's prefecture.
func (s *Server) scopedResults(r *http.Request, run store.Run, f store.ResultFilter) ([]store.Result, error) {
	rows, err := s.db.Results(r.Context(), run.ID, f)
	if err != nil {
		return nil, err
	}
	prefs, err := s.prefectures(r)
	if err != nil {
		return nil, err
	}
	p := callerOf(r).principal()
	out := rows[:0]
	for _, x := range rows {
		res := auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility,
			Unit: x.Unit, Prefecture: prefs[x.Unit], Winner: len(x.Awards) > 0}
		if auth.Can(p, auth.Read, res) {
			out = append(out, x)
		}
	}
	return out, nil
}

// writeResults writes the body in one piece with its length: without a
// Content-Length, net/http would send a chunk, and a system call, per 4 KiB.
func writeResults(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}
