package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// apiChainTargetCreate is POST /api/v1/chains/{id}/targets: a target
// enterprise of a node ({"node", "county", "name", "uscc", "location",
// "officer", "day", "note"}) at 识别. A county adds its own, the chain's
// 专班 and the province any county's.
func (s *Server) apiChainTargetCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "add target enterprises")
	}
	id, err := chainID(r.PathValue("id"))
	if err != nil {
		return err
	}
	var in struct {
		Node, County, Name, USCC, Location, Officer, Day, Note string
	}
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	ch, err := s.db.ChainByID(r.Context(), id)
	if err != nil {
		return err
	}
	if !auth.CanChainTarget(c.principal(), false, auth.Write, in.County, chainTeam(&ch)) {
		return deny(c, "add targets of "+in.County)
	}
	day, ok := invest.ParseDay(in.Day)
	if !ok {
		return invalid("bad.day", in.Day)
	}
	t, err := s.db.AddChainTarget(r.Context(), c.actor(), store.ChainTarget{ChainID: id, Node: in.Node, County: in.County,
		Name: in.Name, USCC: in.USCC, Location: in.Location, Officer: in.Officer}, day, in.Note)
	if err != nil {
		return err
	}
	t.ChainCode = ch.Code
	writeJSON(w, http.StatusCreated, chainTargetToOut(&t))
	return nil
}
