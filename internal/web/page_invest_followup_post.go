package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// investFollowupPost takes a form of /invest/followup/{id} (op: leader,
// terms, year, incentive, default) for the provincial office or the
// project's county, and goes back to the page (or to the scheduling page
// when back=schedule).
func (s *Server) investFollowupPost(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, _, err := s.followupRecord(r, id, auth.Write); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return invalidErr(err, "bad.form")
	}
	f, ctx, actor := r.PostForm, r.Context(), callerOf(r).actor()
	var err error
	switch f.Get("op") {
	case "leader":
		err = s.db.PutFollowupLeader(ctx, actor, id, f.Get("leader"), f.Get("department"))
	case "terms":
		var t followup.Terms
		if t.LandMu, err = formNumber(f, "land_mu", 0); err == nil {
			t.InvestPerMu, err = formNumber(f, "invest_per_mu", 0)
		}
		if err == nil {
			t.TaxPerMu, err = formNumber(f, "tax_per_mu", 0)
		}
		if err == nil {
			t.EnergyPerUnit, err = formNumber(f, "energy_per_unit", 0)
		}
		if err == nil {
			err = s.db.PutFollowupTerms(ctx, actor, id, t)
		}
	case "year":
		err = s.followupYearPost(r, id, f)
	case "incentive":
		err = s.followupIncentivePost(r, id, f)
	case "default":
		d, ok := invest.ParseDay(f.Get("day"))
		amount, err2 := formNumber(f, "amount", math.NaN())
		switch {
		case !ok:
			err = invalid("bad.day", f.Get("day"))
		case err2 != nil:
			err = err2
		default:
			_, err = s.db.AddFollowupDefault(ctx, actor, store.FollowupDefault{ProjectID: id, Day: d, Action: f.Get("action"),
				Amount: amount, Note: f.Get("note")})
		}
	default:
		err = invalid("bad.unknownForm", f.Get("op"))
	}
	if err != nil {
		return err
	}
	back := "/invest/followup/" + url.PathEscape(id) + "?done=1"
	if f.Get("back") == "schedule" {
		back = "/invest/schedule?done=1"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

func (s *Server) followupYearPost(r *http.Request, id string, f url.Values) error {
	year, err := strconv.Atoi(f.Get("year"))
	if err != nil {
		return invalid("bad.year", f.Get("year"))
	}
	var v [5]float64
	for i, name := range []string{"investment", "tax", "output", "jobs", "energy"} {
		if v[i], err = formNumber(f, name, math.NaN()); err != nil {
			return err
		}
	}
	return s.db.PutFollowupYears(r.Context(), callerOf(r).actor(), id, []store.FollowupYear{{Year: year, Side: f.Get("side"),
		Figures: followup.Figures{Investment: v[0], Tax: v[1], Output: v[2], Jobs: v[3], Energy: v[4]}}})
}

func (s *Server) followupIncentivePost(r *http.Request, id string, f url.Values) error {
	amount, err := formNumber(f, "amount", math.NaN())
	if err != nil {
		return err
	}
	granted, ok := invest.ParseDay(f.Get("granted"))
	if !ok && f.Get("granted") != "" {
		return invalid("bad.grantedDay", f.Get("granted"))
	}
	_, err = s.db.AddFollowupIncentive(r.Context(), callerOf(r).actor(), store.FollowupIncentive{ProjectID: id, Content: f.Get("content"),
		Amount: amount, Incentive: followup.Incentive{Kind: followup.IncentiveKind(f.Get("kind")), Specific: f.Get("named_firm") != "",
			Selective: f.Get("selective") != "", Basis: f.Get("basis"), Granted: granted}})
	return err
}

// formNumber reads a number field; empty is def.
func formNumber(f url.Values, name string, def float64) (float64, error) {
	s := strings.TrimSpace(f.Get(name))
	if s == "" {
		return def, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, invalid("bad.number", name, s)
	}
	return v, nil
}
