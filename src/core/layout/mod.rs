//! Where things go on screen: the time scale, axis ticks, stacking and clustering of events
//! into rows, and the scene of lanes the timeline draws.

pub mod fold;
pub mod periods;
pub mod scale;
pub mod scene;
pub mod stack;
pub mod ticks;
