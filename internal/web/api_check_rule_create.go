package web

import "net/http"

// checkRuleCreate adds a check rule. Provincial office.
func (s *Server) checkRuleCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := requireManager(c, "configure check rules"); err != nil {
		return err
	}
	var req ruleJSON
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	req.ID = 0
	rule, err := s.db.PutCheckRule(r.Context(), c.actor(), req.rule())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, ruleOut(rule))
	return nil
}
