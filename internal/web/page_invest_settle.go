package web

import (
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"invest.st.title":    {"重复报送认定", "Duplicate reports"},
		"invest.st.intro":    {"同一项目编号被两地报送，或同一投资方代码下名称相近的项目分属两地：由省级认定项目所在地，计入所在地，另一地记为引荐方（不重复计数）。", "The same project code reported by two places, or projects of one investor code with similar names in two places: the province settles where the project lies; it counts there once, the other place is recorded as the referrer."},
		"invest.st.none":     {"台账中暂无疑似重复项目。", "The ledger holds no possible duplicate."},
		"invest.st.pair":     {"%s 与 %s：同一投资方、名称相近（相似度 %.2f）", "%s and %s: one investor, similar names (similarity %.2f)"},
		"invest.st.sameID":   {"%s：同一项目编号由 %s 与 %s 报送", "%s: the same project code reported by %s and %s"},
		"invest.st.settle":   {"计入 %s，%s 为引荐方", "Count at %s, %s as referrer"},
		"invest.st.reason":   {"认定理由", "Reason"},
		"invest.st.settled":  {"已认定", "Settled"},
		"invest.st.kept":     {"计入项目", "Counted project"},
		"invest.st.dup":      {"重复报送", "Duplicate report"},
		"invest.st.location": {"所在地", "Location"},
		"invest.st.referrer": {"引荐方", "Referrer"},
		"invest.st.by":       {"认定人", "Settled by"},
		"invest.st.credits":  {"本县区的认定结果（计入与引荐）", "Settlements concerning my county (counted here, or referred)"},
	})
}

// maxDupCases bounds the cases one page shows; each settled one leaves the
// list and makes room for the next.
const maxDupCases = 100

// investDupCase is a possible duplicate on /invest/review with the two
// ways the province may settle it.
type investDupCase struct {
	store.InvestDuplicateCase
	ExistingName, IncomingName, PreviousName string
	Choices                                  []investSettleChoice
}

// investSettleChoice is one way to settle a duplicate: a form's fields.
type investSettleChoice struct {
	invest.Settlement
	LocationName, ReferrerName string
}

// investDuplicates lists the ledger's possible duplicates for the
// provincial office, each with its two settlements: keep one report at its
// place and credit the other place as referrer, or the other way round
// (for one moved 项目编号: its current place or the one it was moved from).
func (s *Server) investDuplicates(r *http.Request, names map[string]store.Unit) ([]investDupCase, error) {
	cs, err := s.db.InvestLedgerDuplicates(r.Context())
	if err != nil {
		return nil, err
	}
	out := make([]investDupCase, 0, len(cs))
	for _, c := range cs[:min(len(cs), maxDupCases)] {
		d := investDupCase{InvestDuplicateCase: c, ExistingName: names[c.ExistingProject.County].Name,
			IncomingName: names[c.IncomingProject.County].Name, PreviousName: names[c.Previous].Name}
		choice := func(kept, dup, loc, ref string) {
			d.Choices = append(d.Choices, investSettleChoice{Settlement: invest.Settlement{Kept: kept, Duplicate: dup, Location: loc, Referrer: ref},
				LocationName: names[loc].Name, ReferrerName: names[ref].Name})
		}
		e, i := c.ExistingProject, c.IncomingProject
		if c.SameID {
			choice(e.ID, e.ID, c.Previous, e.County)
			choice(e.ID, e.ID, e.County, c.Previous)
		} else {
			choice(e.ID, i.ID, e.County, i.County)
			choice(i.ID, e.ID, i.County, e.County)
		}
		out = append(out, d)
	}
	return out, nil
}

// investSettlePost settles a duplicate (POST /invest/duplicates: kept,
// duplicate, location, referrer, reason): the provincial office.
func (s *Server) investSettlePost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() || !auth.InvestManagesMonths(c.principal()) {
		return deny(c, "settle duplicate investment reports")
	}
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	st, err := s.db.SettleInvestDuplicate(r.Context(), c.actor(), invest.Settlement{Kept: f("kept"), Duplicate: f("duplicate"),
		Location: f("location"), Referrer: f("referrer"), Reason: f("reason")})
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?done=settle-"+st.Kept+"#duplicates", http.StatusSeeOther)
	return nil
}
