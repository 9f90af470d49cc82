package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type unitChangeJSON struct {
	Kind      string `json:"kind"`
	From      string `json:"from"`
	To        string `json:"to"`
	Effective string `json:"effective"`
	Document  string `json:"document,omitempty"`
	Note      string `json:"note,omitempty"`
}

func changeOut(c store.UnitChange) unitChangeJSON {
	return unitChangeJSON{Kind: string(c.Kind), From: c.From, To: c.To, Effective: day(c.Effective), Document: c.Document, Note: c.Note}
}

// unitHistory is GET /api/v1/units/{code}/history: every code linked to
// this one through code changes (撤县设市/区, merges, splits), in both
// directions, and the changes, so that a rank history follows a county
// across codes. Open to all, as the catalogue is.
func (s *Server) unitHistory(w http.ResponseWriter, r *http.Request) error {
	h, err := s.db.History(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	out := struct {
		Units   []unitJSON       `json:"units"`
		Changes []unitChangeJSON `json:"changes"`
	}{Units: []unitJSON{}, Changes: []unitChangeJSON{}}
	for _, u := range h.Units {
		out.Units = append(out.Units, unitOut(u))
	}
	for _, c := range h.Changes {
		out.Changes = append(out.Changes, changeOut(c))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// unitChangeCreate is POST /api/v1/unit-changes: records a code change
// (kind recode, merge or split; from, to, effective date, document).
// Administrators and analysts only, like every change of the catalogue.
func (s *Server) unitChangeCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindUnit}, "units"); err != nil {
		return err
	}
	var in unitChangeJSON
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	eff, err := parseDay(in.Effective)
	if err != nil {
		return err
	}
	switch k := store.ChangeKind(in.Kind); k {
	case store.ChangeRecode, store.ChangeMerge, store.ChangeSplit:
	default:
		return invalid("bad.unitChangeKind", in.Kind)
	}
	for _, code := range []string{in.From, in.To} {
		if _, err := s.db.Unit(r.Context(), code); err != nil {
			return err
		}
	}
	ch, err := s.db.RecordChange(r.Context(), c.actor(), store.UnitChange{Kind: store.ChangeKind(in.Kind), From: in.From, To: in.To,
		Effective: eff, Document: in.Document, Note: in.Note})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, changeOut(ch))
	return nil
}
