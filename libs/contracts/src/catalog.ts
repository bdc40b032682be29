import { AnyEventDescriptor } from './event-descriptor';
import { detentionRegisteredV1 } from './release-calendar/detention-registered.v1';
import { lscReviewDueV1 } from './release-calendar/lsc-review-due.v1';
import { personReleasedV1 } from './release-calendar/person-released.v1';
import { personTransferredV1 } from './release-calendar/person-transferred.v1';
import { releaseApproachingV1 } from './release-calendar/release-approaching.v1';
import { releaseDateChangedV1 } from './release-calendar/release-date-changed.v1';
import { windowClosedV1 } from './release-calendar/window-closed.v1';
import { windowOpenedV1 } from './release-calendar/window-opened.v1';
import { requestOpenedV1 } from './referral/request-opened.v1';
import { requestOnHoldV1 } from './referral/request-on-hold.v1';
import { requestResumedV1 } from './referral/request-resumed.v1';
import { requestClosedV1 } from './referral/request-closed.v1';
import { alertRaisedV1 } from './referral/alert-raised.v1';
import { alertEscalatedV1 } from './referral/alert-escalated.v1';
import { alertResolvedV1 } from './referral/alert-resolved.v1';
import { sortieSecheRecordedV1 } from './referral/sortie-seche-recorded.v1';
import { requestSubmittedV1 } from './referral/request-submitted.v1';
import { requestWithdrawnV1 } from './referral/request-withdrawn.v1';
import { requestReturnedV1 } from './housing-placement/request-returned.v1';
import { requestScheduledV1 } from './housing-placement/request-scheduled.v1';
import { orientationDecidedV1 } from './housing-placement/orientation-decided.v1';
import { requestDeferredV1 } from './housing-placement/request-deferred.v1';
import { requestRefusedV1 } from './housing-placement/request-refused.v1';
import { placementProposedV1 } from './housing-placement/placement-proposed.v1';
import { placementConfirmedV1 } from './housing-placement/placement-confirmed.v1';
import { placementDeclinedV1 } from './housing-placement/placement-declined.v1';
import { placementCancelledV1 } from './housing-placement/placement-cancelled.v1';
import { personEnteredV1 } from './housing-placement/person-entered.v1';
import { personNoShowV1 } from './housing-placement/person-no-show.v1';
import { placementRefusedV1 } from './housing-placement/placement-refused.v1';
import { placementFlaggedV1 } from './housing-placement/placement-flagged.v1';
import { orientationLapsedV1 } from './housing-placement/orientation-lapsed.v1';
import { capacityChangedV1 } from './housing-placement/capacity-changed.v1';
import { referralReleaseDateChangedV1 } from './referral/release-date-changed.v1';
import { indicatorsChangedV1 } from './prefecture/indicators-changed.v1';
import { outlookChangedV1 } from './prefecture/outlook-changed.v1';

/** Every event Passerelle publishes. The AsyncAPI document is checked against this list. */
export const EVENT_CATALOG: readonly AnyEventDescriptor[] = [
  detentionRegisteredV1,
  releaseDateChangedV1,
  windowOpenedV1,
  windowClosedV1,
  releaseApproachingV1,
  lscReviewDueV1,
  personReleasedV1,
  personTransferredV1,
  requestOpenedV1,
  requestSubmittedV1,
  requestWithdrawnV1,
  referralReleaseDateChangedV1,
  requestOnHoldV1,
  requestResumedV1,
  requestClosedV1,
  alertRaisedV1,
  alertEscalatedV1,
  alertResolvedV1,
  sortieSecheRecordedV1,
  requestReturnedV1,
  requestScheduledV1,
  orientationDecidedV1,
  requestDeferredV1,
  requestRefusedV1,
  placementProposedV1,
  placementConfirmedV1,
  placementDeclinedV1,
  placementCancelledV1,
  personEnteredV1,
  personNoShowV1,
  placementRefusedV1,
  placementFlaggedV1,
  orientationLapsedV1,
  capacityChangedV1,
  indicatorsChangedV1,
  outlookChangedV1,
];
