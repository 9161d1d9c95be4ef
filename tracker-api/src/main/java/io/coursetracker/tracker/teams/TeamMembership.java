package io.coursetracker.tracker.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A learner invited to a team ({@link #INVITED}) or in it ({@link #MEMBER}). */
@Entity
@Table(name = "team_member")
public class TeamMembership {
    public static final String INVITED = "invited";
    public static final String MEMBER = "member";

    @EmbeddedId
    public Key key;
    public String state;
    public Instant since;

    public boolean isMember() {
        return MEMBER.equals(state);
    }

    @Embeddable
    public record Key(@Column(name = "team_id") String teamId, @Column(name = "learner_id") String learnerId) implements Serializable {
    }
}
