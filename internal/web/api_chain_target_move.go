package web

import (
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// apiChainTargetMove is POST /api/v1/chains/targets/{tid}/moves: a move of
// a target ({"status", "day", "note", "officer"}, and for 签约 "project":
// {"id", "name", "amount" in 亿元, "zone", "existing"}), which at 签约
// makes it a ledger project. A target the caller may not read is not found.
func (s *Server) apiChainTargetMove(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "move target enterprises")
	}
	tid, err := strconv.ParseInt(r.PathValue("tid"), 10, 64)
	if err != nil {
		return notFound("target " + r.PathValue("tid"))
	}
	var in struct {
		Status, Day, Note, Officer string
		Project                    *struct {
			ID, Name, Amount, Zone string
			Existing               bool
		}
	}
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	t, err := s.db.ChainTarget(r.Context(), tid)
	if err != nil {
		return err
	}
	ch, err := s.db.ChainByID(r.Context(), t.ChainID)
	if err != nil {
		return err
	}
	u := c.principal()
	if !auth.CanChainTarget(u, false, auth.Read, t.County, chainTeam(&ch)) {
		return notFound("target " + r.PathValue("tid"))
	}
	if !auth.CanChainTarget(u, false, auth.Write, t.County, chainTeam(&ch)) {
		return deny(c, "move target "+r.PathValue("tid"))
	}
	day, ok := invest.ParseDay(in.Day)
	if !ok {
		return invalid("bad.day", in.Day)
	}
	var sg *store.Signing
	if in.Project != nil {
		if sg, err = signingOf(in.Project.ID, in.Project.Name, in.Project.Amount, in.Project.Zone, in.Project.Existing); err != nil {
			return err
		}
	}
	if err := s.db.MoveChainTarget(r.Context(), c.actor(), tid, chain.Status(in.Status), day, in.Note, in.Officer, sg); err != nil {
		return err
	}
	if t, err = s.db.ChainTarget(r.Context(), tid); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, chainTargetToOut(&t))
	return nil
}
