package web

import "net/http"

// investFollowupList lists the caller's projects under follow-up, judged
// on ?asof= (default: the ledger's latest month), the gravest first;
// ?status=normal|warn|breach narrows it.
func (s *Server) investFollowupList(w http.ResponseWriter, r *http.Request) error {
	day, err := s.followupAsOf(r)
	if err != nil {
		return err
	}
	rows, err := s.followupRows(r, day)
	if err != nil {
		return err
	}
	want := r.URL.Query().Get("status")
	out := []followupJSON{}
	for _, row := range rows {
		if want == "" || row.Status.Key() == want {
			out = append(out, followupOut(row, day))
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
