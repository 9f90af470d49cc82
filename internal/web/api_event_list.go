package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// eventList returns vetoes, bonuses and deductions as of a revision
// (?as_of=), filtered by ?unit=, ?department=, ?from= and ?to= (dates,
// to exclusive) and ?retracted=true. Each caller sees the events auth.Can
// lets her read: her department's, her units', or all.
func (s *Server) eventList(w http.ResponseWriter, r *http.Request) error {
	ctx, c, q := r.Context(), callerOf(r), r.URL.Query()
	own := ownScope(c, auth.KindEvent)
	if err := require(c, auth.Read, own, "events"); err != nil {
		return err
	}
	asOf, err := queryInt(r, "as_of")
	if err != nil {
		return err
	}
	f := store.EventFilter{AsOf: asOf, Unit: q.Get("unit"), Department: q.Get("department"),
		IncludeRetracted: q.Get("retracted") == "true"}
	if f.From, err = parseDay(q.Get("from")); err != nil {
		return err
	}
	if f.To, err = parseDay(q.Get("to")); err != nil {
		return err
	}
	es, err := s.db.Events(ctx, f)
	if err != nil {
		return err
	}
	prefs := map[string]string{}
	out := make([]eventJSON, 0, len(es))
	for _, e := range es {
		if _, ok := prefs[e.Unit]; !ok {
			if prefs[e.Unit], err = s.db.PrefectureOf(ctx, e.Unit); err != nil {
				return err
			}
		}
		res := auth.Resource{Kind: auth.KindEvent, Unit: e.Unit, Prefecture: prefs[e.Unit], Department: e.Department}
		if auth.Can(c.principal(), auth.Read, res) {
			out = append(out, eventOut(e))
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
