package web

import "net/http"

// zoneRunList is GET /api/v1/zones/runs: the zone runs the caller may
// read, newest first, each with its state (the office sees drafts,
// everyone runs in 公示 and after), as GET /api/v1/runs lists county runs.
func (s *Server) zoneRunList(w http.ResponseWriter, r *http.Request) error {
	rs, err := s.zoneRuns(r)
	if err != nil {
		return err
	}
	out := make([]runJSON, 0, len(rs))
	for _, run := range rs {
		out = append(out, runOut(run))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
