package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// checkRuleList lists the check rules (审核规则), enabled or not, to
// everyone who works with figures: departments see what their uploads
// will be checked against.
func (s *Server) checkRuleList(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindObservation), "check rules"); err != nil {
		return err
	}
	rs, err := s.db.CheckRules(r.Context())
	if err != nil {
		return err
	}
	out := make([]ruleJSON, len(rs))
	for i, rule := range rs {
		out[i] = ruleOut(rule)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
