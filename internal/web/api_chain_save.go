package web

import (
	"errors"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// apiChainSave is POST /api/v1/chains: a chain as a whole (the JSON of
// GET /api/v1/chains/{id}, members included), replacing the chain of its
// code. The chain's 专班 and the province save a known chain, the province
// a new one.
func (s *Server) apiChainSave(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "save chains")
	}
	var in chainOut
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	team := auth.ChainTeam{}
	old, err := s.db.ChainByCode(r.Context(), in.Code)
	switch {
	case err == nil:
		team = chainTeam(&old)
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	if !auth.CanChain(c.principal(), auth.Write, team) {
		return deny(c, "save chain "+in.Code)
	}
	id, err := s.db.SaveChain(r.Context(), c.actor(), chainFromOut(in))
	if err != nil {
		return err
	}
	ch, err := s.db.ChainByID(r.Context(), id)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if old.ID == 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, chainToOut(&ch, nil, true))
	return nil
}
