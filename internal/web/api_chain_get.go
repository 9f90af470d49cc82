package web

import "net/http"

// apiChainGet is GET /api/v1/chains/{id}?place=: the chain with every
// node's local enterprises, output, pipeline projects (counted), supply
// ratio and weak-link reasons in the place (the province by default), and
// the weak nodes of each prefecture. Public.
func (s *Server) apiChainGet(w http.ResponseWriter, r *http.Request) error {
	id, err := chainID(r.PathValue("id"))
	if err != nil {
		return err
	}
	prefNames, err := s.prefectureNames(r)
	if err != nil {
		return err
	}
	prefs := sortedKeys(prefNames)
	place := r.URL.Query().Get("place")
	if !validPlace(place, prefs) {
		return invalid("bad.place", place)
	}
	d, err := s.loadChainDetail(r.Context(), id, place, prefs)
	if err != nil {
		return err
	}
	out := chainToOut(&d.Chain, d.Stats, false)
	out.Place, out.Report = d.Place, map[string][]string{}
	for _, row := range d.Report {
		weak := []string{}
		for _, st := range row.Weak {
			weak = append(weak, st.Node)
		}
		out.Report[row.Prefecture] = weak
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
