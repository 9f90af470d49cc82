package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// apiChainTargets is GET /api/v1/chains/{id}/targets: the chain's target
// enterprises the caller reads (internal: a county its own, the chain's
// 专班 and the province all).
func (s *Server) apiChainTargets(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "read target enterprises")
	}
	id, err := chainID(r.PathValue("id"))
	if err != nil {
		return err
	}
	ch, err := s.db.ChainByID(r.Context(), id)
	if err != nil {
		return err
	}
	u, team := c.principal(), chainTeam(&ch)
	covers, ok := auth.ChainTargetsScope(u, false)
	if !ok && !auth.InChainTeam(u, team) {
		return deny(c, "read target enterprises")
	}
	ts, err := s.db.ChainTargets(r.Context(), store.ChainTargetFilter{ChainID: id})
	if err != nil {
		return err
	}
	out := []chainTargetOut{}
	for i := range ts {
		if ok && covers(ts[i].County) || auth.InChainTeam(u, team) {
			out = append(out, chainTargetToOut(&ts[i]))
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
