package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// chainTargetView is the data of /invest/targets/{id}.
type chainTargetView struct {
	store.ChainTarget
	NodeName string
	Names    map[string]store.Unit
	Next     []chain.Status // the statuses it may move to
	CanMove  bool
	Today    string
}

// chainTarget reads target id for the caller: the target and its chain,
// or not found when she may not read it.
func (s *Server) chainTarget(r *http.Request, a auth.Action) (store.ChainTarget, store.Chain, error) {
	c := callerOf(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return store.ChainTarget{}, store.Chain{}, notFound("target " + r.PathValue("id"))
	}
	if c.anonymous() {
		return store.ChainTarget{}, store.Chain{}, deny(c, "read target enterprises")
	}
	t, err := s.db.ChainTarget(r.Context(), id)
	if err != nil {
		return t, store.Chain{}, err
	}
	ch, err := s.db.ChainByID(r.Context(), t.ChainID)
	if err != nil {
		return t, ch, err
	}
	u := c.principal()
	if !auth.CanChainTarget(u, false, auth.Read, t.County, chainTeam(&ch)) {
		return t, ch, notFound(fmt.Sprint("target ", id))
	}
	if a == auth.Write && !auth.CanChainTarget(u, false, auth.Write, t.County, chainTeam(&ch)) {
		return t, ch, deny(c, fmt.Sprint("move target ", id))
	}
	return t, ch, nil
}

// chainTargetGet is GET /invest/targets/{id}: a target with its dated
// notes, the first-contact register's entries of its code (which county
// spoke to it first), its ledger project once signed, and the move form.
func (s *Server) chainTargetGet(w http.ResponseWriter, r *http.Request) error {
	t, ch, err := s.chainTarget(r, auth.Read)
	if err != nil {
		return err
	}
	names, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	v := chainTargetView{ChainTarget: t, Names: names, Today: invest.DayOf(time.Now()).String(),
		CanMove: auth.CanChainTarget(callerOf(r).principal(), false, auth.Write, t.County, chainTeam(&ch))}
	for _, n := range ch.Nodes {
		if n.Code == t.Node {
			v.NodeName = n.Name
		}
	}
	for _, st := range chain.Statuses {
		if chain.CheckMove(t.Status, st) == nil {
			v.Next = append(v.Next, st)
		}
	}
	s.render(w, r, http.StatusOK, "chain_target", v)
	return nil
}

// chainTargetMove is POST /invest/targets/{id}/moves: status, day, note,
// officer, and for 签约 the ledger project (project_id, project_name,
// amount in 亿元, zone, or existing for a project the ledger has).
func (s *Server) chainTargetMove(w http.ResponseWriter, r *http.Request) error {
	t, _, err := s.chainTarget(r, auth.Write)
	if err != nil {
		return err
	}
	f := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	day, ok := invest.ParseDay(f("day"))
	if !ok {
		return invalid("bad.day", f("day"))
	}
	to := chain.Status(f("status"))
	var sg *store.Signing
	if to == chain.StatusSigned {
		if sg, err = signingOf(f("project_id"), f("project_name"), f("amount"), f("zone"), f("existing") != ""); err != nil {
			return err
		}
	}
	if err := s.db.MoveChainTarget(r.Context(), callerOf(r).actor(), t.ID, to, day, f("note"), f("officer"), sg); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/invest/targets/%d", t.ID), http.StatusSeeOther)
	return nil
}

// signingOf reads the ledger project a signed target becomes.
func signingOf(id, name, amount, zone string, existing bool) (*store.Signing, error) {
	sg := &store.Signing{ProjectID: id, Name: name, Zone: zone, Existing: existing}
	if amount != "" {
		a, ok := invest.ParseAmount(amount)
		if !ok || a < 0 {
			return nil, invalid("bad.amountYi", amount)
		}
		sg.Amount = a
	}
	return sg, nil
}
