package web

import "net/http"

// apiChainList is GET /api/v1/chains: every chain's map, 链长, department,
// 链主 and key places, by code. Public, as the chain pages.
func (s *Server) apiChainList(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.db.Chains(r.Context())
	if err != nil {
		return err
	}
	out := make([]chainOut, len(cs))
	for i := range cs {
		out[i] = chainToOut(&cs[i], nil, false)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
