pragma Singleton
import QtQuick

// The words for every id the domain uses — categories, states, actions, rules, channels,
// causes, resident types and their guidance, error codes and what to do — translated in one
// place (qsTr; Chinese by default, English switchable).
QtObject {
    function category(id) {
        switch (id) {
        case "housing": return qsTr("Housing management")
        case "security": return qsTr("Security")
        case "vehicles": return qsTr("Vehicles and parking")
        case "cleaning": return qsTr("Cleaning")
        case "landscaping": return qsTr("Landscaping")
        case "repairs": return qsTr("Repairs")
        case "activities": return qsTr("Community activities")
        case "convenience": return qsTr("Convenience services")
        }
        return id || ""
    }
    function channel(id) {
        switch (id) {
        case "kiosk": return qsTr("Lobby kiosk")
        case "phone": return qsTr("Phone")
        case "face_to_face": return qsTr("Face to face")
        case "letter": return qsTr("Letter")
        case "suggestion_box": return qsTr("Suggestion box")
        case "company": return qsTr("Via the company")
        case "group": return qsTr("Via the group")
        case "media": return qsTr("Via the media")
        case "government": return qsTr("Via the government")
        }
        return id || ""
    }
    function recordType(id) {
        switch (id) {
        case "complaint": return qsTr("Complaint")
        case "repair": return qsTr("Repair request")
        case "suggestion": return qsTr("Suggestion")
        case "transfer_sheet": return qsTr("Work transfer sheet")
        case "arrangement_notice": return qsTr("Work arrangement notice")
        case "rectification": return qsTr("Rectification item")
        case "survey_campaign": return qsTr("Survey")
        case "survey_response": return qsTr("Survey answer")
        case "patrol_round": return qsTr("Patrol round")
        case "inspection": return qsTr("Inspection")
        case "notice": return qsTr("Notice")
        case "shift_handover": return qsTr("Shift handover")
        case "weekly_review": return qsTr("Weekly review")
        }
        return id || ""
    }
    function state(id) {
        switch (id) {
        case "received": return qsTr("Received")
        case "handling": return qsTr("Being handled")
        case "escalated": return qsTr("Escalated")
        case "replied": return qsTr("Replied")
        case "visited": return qsTr("Visited")
        case "explaining": return qsTr("Explaining (invalid)")
        case "referred": return qsTr("Referred on")
        case "closed": return qsTr("Closed")
        case "cancelled": return qsTr("Cancelled")
        case "acknowledged": return qsTr("Acknowledged")
        case "submitted": return qsTr("Submitted")
        case "arranged": return qsTr("Arranged")
        case "resolved": return qsTr("Resolved")
        case "issued": return qsTr("Issued")
        case "completed": return qsTr("Completed")
        case "reported": return qsTr("Reported")
        case "in_house": return qsTr("Fixing in-house")
        case "with_developer": return qsTr("With the developer")
        case "scheduled": return qsTr("Scheduled by the developer")
        case "awaiting_acceptance": return qsTr("Awaiting acceptance")
        case "accepted": return qsTr("Accepted")
        case "draft": return qsTr("Draft")
        case "open": return qsTr("Open")
        case "in_progress": return qsTr("In progress")
        case "abandoned": return qsTr("Abandoned")
        case "published": return qsTr("Published")
        case "withdrawn": return qsTr("Withdrawn")
        }
        return id || ""
    }
    function action(id) {
        switch (id) {
        case "answer_on_spot": return qsTr("Answered on the spot")
        case "assign": return qsTr("Assign handler")
        case "accept": return qsTr("Valid: handle it")
        case "reject": return qsTr("Invalid: explain why")
        case "explain": return qsTr("Record the explanation")
        case "close_referral": return qsTr("Record the outside result")
        case "agree_time": return qsTr("Agree a time")
        case "transfer": return qsTr("Escalate (transfer sheet)")
        case "arrange": return qsTr("Arrange (notice to a department)")
        case "reply": return qsTr("Reply")
        case "visit": return qsTr("Follow-up visit")
        case "close": return qsTr("Close")
        case "cancel": return qsTr("Cancel")
        case "acknowledge": return qsTr("Acknowledge")
        case "escalate": return qsTr("Escalate to a higher level")
        case "resolve": return qsTr("Record the result")
        case "complete": return qsTr("Complete")
        case "fix_in_house": return qsTr("Fix in-house")
        case "hand_off": return qsTr("Hand to the developer")
        case "plan": return qsTr("Plan measures and date")
        case "complete_work": return qsTr("Work done")
        case "developer_accept": return qsTr("Developer accepts the work")
        case "object": return qsTr("Resident objects: new round")
        case "open": return qsTr("Open")
        case "publish": return qsTr("Publish results")
        case "finish": return qsTr("Finish round")
        case "abandon": return qsTr("Abandon round")
        case "submit": return qsTr("Submit")
        case "withdraw": return qsTr("Withdraw")
        case "regrade": return qsTr("Change the grade inputs")
        }
        return id || ""
    }
    function rule(id) {
        switch (id) {
        case "complaint_reply.requested": return qsTr("the time the complainant asked for")
        case "complaint_reply.urgent": return qsTr("urgent complaint, 2-hour rule")
        case "complaint_reply.working_days": return qsTr("not urgent, 2 working days")
        case "complaint_invalid_explanation": return qsTr("invalid complaint: explain within 1 working day")
        case "complaint_visit": return qsTr("follow-up visit within 3 days")
        case "suggestion_reply.agreed": return qsTr("the reply time agreed")
        case "suggestion_reply.default": return qsTr("suggestion: reply within 3 days")
        case "rectification.agreed": return qsTr("the agreed completion date")
        case "arrangement.agreed": return qsTr("the date on the notice")
        case "survey.period_end": return qsTr("end of the survey period")
        case "patrol.checkpoint": return qsTr("checkpoint window")
        }
        return id || ""
    }
    function visitMethod(id) {
        switch (id) {
        case "phone": return qsTr("By phone")
        case "in_person": return qsTr("In person")
        case "kiosk": return qsTr("At the kiosk")
        }
        return id || ""
    }
    function controllability(id) {
        return id === "low" ? qsTr("Hardly within our control") : id === "high" ? qsTr("Within our control") : (id || "")
    }
    function reach(id) {
        return id === "media" ? qsTr("Media or authorities") : id === "community" ? qsTr("Within the community") : (id || "")
    }
    function validity(id) {
        switch (id) {
        case "valid": return qsTr("Valid")
        case "invalid": return qsTr("Invalid")
        case "undecided": return qsTr("Not yet decided")
        }
        return id || ""
    }
    function rectificationSource(id) {
        switch (id) {
        case "resident_inspection": return qsTr("Resident's inspection")
        case "engineering": return qsTr("Engineering")
        case "security": return qsTr("Security")
        case "cleaning": return qsTr("Cleaning")
        case "sales": return qsTr("Sales")
        case "customer_service": return qsTr("Customer service")
        case "patrol": return qsTr("Patrol")
        }
        return id || ""
    }
    function inspectionKind(id) {
        switch (id) {
        case "service_etiquette": return qsTr("Service etiquette check")
        case "daily_cs_check": return qsTr("Daily customer-service check")
        case "renovation_patrol": return qsTr("Renovation patrol")
        case "house_handover": return qsTr("House handover inspection")
        case "security_patrol": return qsTr("Security patrol")
        case "custom": return qsTr("Inspection")
        }
        return id || ""
    }
    function surveyKind(id) {
        switch (id) {
        case "monthly_solicitation": return qsTr("Monthly opinion survey")
        case "annual": return qsTr("Annual satisfaction survey")
        case "activity_follow_up": return qsTr("Activity follow-up")
        case "special": return qsTr("Special survey")
        }
        return id || ""
    }
    function surveyMethod(id) {
        switch (id) {
        case "door_to_door": return qsTr("Door to door")
        case "phone": return qsTr("By phone")
        case "outdoor": return qsTr("Outdoor stand")
        case "questionnaire": return qsTr("Questionnaire")
        case "kiosk": return qsTr("Lobby kiosk")
        }
        return id || ""
    }
    function cause(id) {
        switch (id) {
        case "own": return qsTr("Our failure")
        case "developer": return qsTr("The developer")
        case "external": return qsTr("An outside body")
        case "public_facility": return qsTr("Public facilities outside our remit")
        }
        return id || ""
    }
    function causeConsequence(id) {
        switch (id) {
        case "developer": return qsTr("Explain within 1 working day, pass it to the developer and follow the result.")
        case "external": return qsTr("Explain within 1 working day and coordinate with the responsible body.")
        case "public_facility": return qsTr("Explain within 1 working day; nothing further is ours to do.")
        }
        return ""
    }
    function residentType(id) {
        switch (id) {
        case "venting": return qsTr("Wants to be heard")
        case "respect_seeking": return qsTr("Wants respect")
        case "compensation_seeking": return qsTr("Wants compensation")
        }
        return id || ""
    }
    function residentGuidance(id) {
        switch (id) {
        case "venting": return qsTr("Listen and let them speak; stay calm; do not argue or interrupt.")
        case "respect_seeking": return qsTr("Take it seriously; involve someone of equal or higher rank; thank them.")
        case "compensation_seeking": return qsTr("Ask to find the real need; refuse unreasonable demands politely but firmly; offer a solution; a group elects representatives.")
        }
        return ""
    }
    function handlingMode(id) {
        switch (id) {
        case "explain_only": return qsTr("Cannot be solved: explain and ask for understanding")
        case "solved_at_once": return qsTr("Solved at once")
        case "agreed_time": return qsTr("Solved by an agreed time")
        }
        return id || ""
    }
    function grade(n) {
        switch (n) {
        case 1: return qsTr("Grade 1 · general")
        case 2: return qsTr("Grade 2 · important")
        case 3: return qsTr("Grade 3 · serious")
        case 4: return qsTr("Grade 4 · major")
        }
        return ""
    }
    function position(id) {
        switch (id) {
        case "department_head": return qsTr("department head")
        case "office_director": return qsTr("office director")
        case "cs_manager": return qsTr("customer-service manager")
        case "deputy_gm": return qsTr("deputy GM")
        case "gm": return qsTr("GM")
        }
        return id || ""
    }
    function role(id) {
        switch (id) {
        case "staff": return qsTr("Staff")
        case "supervisor": return qsTr("Supervisor")
        case "manager": return qsTr("Manager")
        case "developer_cs": return qsTr("Developer service")
        case "admin": return qsTr("Administrator")
        case "kiosk": return qsTr("Kiosk")
        }
        return id || ""
    }
    function noticeKind(id) {
        switch (id) {
        case "water_cut": return qsTr("Water cut")
        case "power_cut": return qsTr("Power cut")
        case "pest_control": return qsTr("Pest control")
        case "activity": return qsTr("Activity")
        case "fire_safety": return qsTr("Fire safety")
        case "regulations": return qsTr("Regulations")
        case "financial_report": return qsTr("Financial report")
        case "survey_results": return qsTr("Survey results")
        case "general": return qsTr("Notice")
        }
        return id || ""
    }
    function receiptStatus(id) {
        switch (id) {
        case "waiting_to_send": return qsTr("Saved here; it will be sent when the network is back")
        case "received": return qsTr("Received by the office")
        case "being_handled": return qsTr("Being handled")
        case "replied": return qsTr("Replied")
        case "closed": return qsTr("Closed")
        }
        return id || ""
    }
    function checkpointStatus(id) {
        switch (id) {
        case "on_time": return qsTr("On time")
        case "late": return qsTr("Late")
        case "missed": return qsTr("Missed")
        case "due": return qsTr("Due")
        case "overdue": return qsTr("Overdue")
        }
        return id || ""
    }
    function outcome(id) {
        switch (id) {
        case "answered": return qsTr("Answered")
        case "not_at_home": return qsTr("Not at home")
        case "refused": return qsTr("Refused")
        case "pending": return qsTr("To visit")
        }
        return id || ""
    }
    // What the user can do about a refusal from the server, by its code.
    function whatToDo(code) {
        switch (code) {
        case "permission_denied": return qsTr("This needs someone with another role: ask a supervisor.")
        case "failed_precondition":
        case "conflict": return qsTr("Someone changed this first. Open it to see where it stands now, then act again if still needed.")
        case "invalid_argument": return qsTr("Some details were not accepted: correct them and enter it again.")
        case "unauthenticated": return qsTr("Sign in again; if it keeps happening, this tablet needs to be enrolled again.")
        case "already_exists": return qsTr("This was already recorded: nothing more to do.")
        case "not_found": return qsTr("The record no longer exists on the server.")
        case "resource_exhausted": return qsTr("Too many at once: it was not kept. Try again later.")
        }
        return qsTr("Tell the administrator.")
    }
}
