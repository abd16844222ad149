//! How the components make their elements: a small builder over `web_sys` whose reactive parts
//! are Leptos render effects.
//!
//! Leptos' `view!` gives every element a type of its own (its tag, its attributes, its children)
//! and compiles the code that builds, updates and mounts it once for each such type. For this
//! widget that code was the largest part of the bundle. Here every element is the same type,
//! [`Dom`], and every reactive part goes through one of a handful of non-generic functions:
//! a closure that computes a value, run in a [`RenderEffect`] that writes it to the element.
//! The semantics are Leptos': an effect reruns when a signal it read changes, and what an
//! effect made (nested effects, listeners, memos) is disposed of when it reruns or its owner is
//! cleaned up.
//!
//! Text from data or URLs only ever becomes a text node or an attribute value: nothing here
//! parses HTML.

use leptos::prelude::{on_cleanup, RenderEffect};

use crate::ui::memo::Memo;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, Node};

use crate::core::dataset::model::Lang;
use crate::core::i18n::{t, Key};
use crate::platform::browser::{document, start_task_executor};

/// An element being built (and, once built, the element itself), or a fragment: several
/// parts side by side, which move into their parent when appended.
pub struct Dom(Node);

/// A new element `tag`.
pub fn el(tag: &str) -> Dom {
    Dom(document().create_element(tag).expect("a valid tag name").into())
}

/// A new SVG element `tag`.
pub fn svg(tag: &str) -> Dom {
    Dom(document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .expect("a valid tag name")
        .into())
}

/// A fragment: parts without an element around them, for a component that adds several
/// things to its parent.
pub fn fragment() -> Dom {
    Dom(document().create_document_fragment().into())
}

/// A `<button type="button">`.
pub fn button() -> Dom {
    el("button").attr("type", "button")
}

/// An empty block of no height, as the first child of an element whose width a view follows
/// (`browser::watch_width`): it is exactly as wide as its parent's content, and no content change
/// makes it taller. Watching the parent itself, a change that its new width brings about (the
/// list instead of the timeline, lanes stacked anew) resized it again inside the same
/// ResizeObserver round, and every engine reported "ResizeObserver loop completed with undelivered
/// notifications" on the page's error handler.
pub fn width_probe() -> Dom {
    el("div").class("tl-width-probe").attr("aria-hidden", "true")
}

/// Runs `f` now and again whenever a signal it read changes, until the current owner is
/// cleaned up (the component that made it goes away).
pub fn bind(f: impl FnMut() + 'static) {
    bind_boxed(Box::new(f));
}

fn bind_boxed(mut f: Box<dyn FnMut()>) {
    let effect = RenderEffect::new(move |_: Option<()>| f());
    let effect = SendWrapper::new(effect);
    on_cleanup(move || drop(effect));
}

impl Dom {
    /// The element (of a `Dom` made by [`el`] or [`svg`]).
    pub fn element(&self) -> &Element {
        self.0.unchecked_ref()
    }

    /// The element, the builder done with.
    pub fn into_element(self) -> Element {
        self.0.unchecked_into()
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> Dom {
        let _ = self.element().set_attribute(name, value);
        self
    }

    /// Sets the `class` attribute (as an attribute: SVG elements have no `className` to set).
    pub fn class(self, value: &str) -> Dom {
        self.attr("class", value)
    }

    /// Sets a style property (through the CSS object model: a `style` attribute would need the
    /// host's CSP to allow inline styles).
    pub fn style(self, name: &str, value: &str) -> Dom {
        set_style(self.element(), name, value);
        self
    }

    /// A style property that follows `f`.
    pub fn bind_style(self, name: &'static str, f: impl Fn() -> String + 'static) -> Dom {
        self.bind_style_boxed(name, Box::new(f))
    }

    fn bind_style_boxed(self, name: &'static str, f: Box<dyn Fn() -> String>) -> Dom {
        let el = self.element().clone();
        bind(move || set_style(&el, name, &f()));
        self
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> Dom {
        let _ = self.0.append_child(&document().create_text_node(text));
        self
    }

    /// Appends a child.
    pub fn child(self, child: Dom) -> Dom {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child if there is one.
    pub fn child_if(self, child: Option<Dom>) -> Dom {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Appends children.
    pub fn children(self, children: impl IntoIterator<Item = Dom>) -> Dom {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// An attribute that follows `f`: set to its value, or removed while it gives `None`.
    pub fn bind_attr(self, name: &'static str, f: impl Fn() -> Option<String> + 'static) -> Dom {
        self.bind_attr_boxed(name, Box::new(f))
    }

    fn bind_attr_boxed(self, name: &'static str, f: Box<dyn Fn() -> Option<String>>) -> Dom {
        let el = self.element().clone();
        bind(move || match f() {
            Some(v) => {
                let _ = el.set_attribute(name, &v);
            }
            None => {
                let _ = el.remove_attribute(name);
            }
        });
        self
    }

    /// An attribute that is `"true"` or `"false"` as `f` says (`aria-pressed`, `aria-expanded`).
    pub fn bind_aria(self, name: &'static str, f: impl Fn() -> bool + 'static) -> Dom {
        self.bind_attr(name, move || Some(if f() { "true" } else { "false" }.to_string()))
    }

    /// An attribute in the UI language (a label, a title).
    pub fn attr_tr(self, name: &'static str, lang: Memo<Lang>, key: Key) -> Dom {
        self.bind_attr(name, move || Some(t(lang.get(), key).to_string()))
    }

    /// A class set while `f` gives true.
    pub fn bind_class(self, class: &'static str, f: impl Fn() -> bool + 'static) -> Dom {
        self.bind_class_boxed(class, Box::new(f))
    }

    fn bind_class_boxed(self, class: &'static str, f: Box<dyn Fn() -> bool>) -> Dom {
        let el = self.element().clone();
        bind(move || {
            let _ = el.class_list().toggle_with_force(class, f());
        });
        self
    }

    /// A property that follows `f` (`value` of an input, `selected` of an option, `disabled`).
    pub fn bind_prop(self, name: &'static str, f: impl Fn() -> JsValue + 'static) -> Dom {
        self.bind_prop_boxed(name, Box::new(f))
    }

    fn bind_prop_boxed(self, name: &'static str, f: Box<dyn Fn() -> JsValue>) -> Dom {
        let el = self.element().clone();
        let key = JsValue::from_str(name);
        bind(move || {
            let _ = js_sys::Reflect::set(&el, &key, &f());
        });
        self
    }

    /// Appends a text node that follows `f`.
    pub fn bind_text(self, f: impl Fn() -> String + 'static) -> Dom {
        self.bind_text_boxed(Box::new(f))
    }

    fn bind_text_boxed(self, f: Box<dyn Fn() -> String>) -> Dom {
        let node = document().create_text_node("");
        let _ = self.0.append_child(&node);
        bind(move || node.set_data(&f()));
        self
    }

    /// Appends a text in the UI language.
    pub fn tr(self, lang: Memo<Lang>, key: Key) -> Dom {
        self.bind_text(move || t(lang.get(), key).to_string())
    }

    /// Calls `f` with each `event` on the element (or, bubbling, on what is inside it), until
    /// the current owner is cleaned up.
    pub fn on(self, event: &'static str, f: impl FnMut(Event) + 'static) -> Dom {
        listen(self.element(), event, Box::new(f));
        self
    }

    /// Appends what `f` makes (`None`: nothing), made again whenever a signal `f` read
    /// changes. What the previous part made is disposed of first, and the part goes with the
    /// owner that made it.
    pub fn dynamic(self, f: impl Fn() -> Option<Dom> + 'static) -> Dom {
        dynamic_in(&self.0, Box::new(f));
        self
    }
}

/// Sets the style property `name` of `element`.
pub fn set_style(element: &Element, name: &str, value: &str) {
    let _ = element.unchecked_ref::<web_sys::HtmlElement>().style().set_property(name, value);
}

/// Listens for `event` on `target` until the current owner is cleaned up.
pub fn listen(target: &web_sys::EventTarget, event: &'static str, f: Box<dyn FnMut(Event)>) {
    listen_in(target, event, false, f);
}

/// Like [`listen`], in the capture phase: for events that do not bubble (an image's `error`),
/// heard by an element that holds their targets.
pub fn listen_capture(target: &web_sys::EventTarget, event: &'static str, f: Box<dyn FnMut(Event)>) {
    listen_in(target, event, true, f);
}

fn listen_in(target: &web_sys::EventTarget, event: &'static str, capture: bool, f: Box<dyn FnMut(Event)>) {
    let closure = Closure::<dyn FnMut(Event)>::wrap(f);
    let callback = closure.as_ref().unchecked_ref();
    let _ = target.add_event_listener_with_callback_and_bool(event, callback, capture);
    let target = target.clone();
    let gone = SendWrapper::new((target, closure));
    on_cleanup(move || {
        let (target, closure) = gone.take();
        let callback = closure.as_ref().unchecked_ref();
        let _ = target.remove_event_listener_with_callback_and_bool(event, callback, capture);
    });
}

/// A part of `parent` that `f` makes and makes again (see [`Dom::dynamic`]). An empty comment
/// marks its place among its siblings (the parent may be a fragment: the part looks for the
/// comment's parent each time).
fn dynamic_in(parent: &Node, f: Box<dyn Fn() -> Option<Dom>>) {
    let marker: Node = document().create_comment("").into();
    let _ = parent.append_child(&marker);
    // The nodes the part put before the marker (a fragment's, one by one).
    let shown = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Node>::new()));
    let remove = |shown: &std::cell::RefCell<Vec<Node>>| {
        for node in shown.borrow_mut().drain(..) {
            if let Some(p) = node.parent_node() {
                let _ = p.remove_child(&node);
            }
        }
    };
    // When the owner that made this part goes, the part goes (a part inside a part that is
    // made again, say).
    let gone = SendWrapper::new(shown.clone());
    on_cleanup(move || remove(&gone));
    bind(move || {
        remove(&shown);
        let Some(new) = f() else { return };
        let nodes: Vec<Node> = if new.0.node_type() == Node::DOCUMENT_FRAGMENT_NODE {
            let list = new.0.child_nodes();
            (0..list.length()).filter_map(|i| list.item(i)).collect()
        } else {
            vec![new.0.clone()]
        };
        if let Some(p) = marker.parent_node() {
            let _ = p.insert_before(&new.0, Some(&marker));
        }
        *shown.borrow_mut() = nodes;
    });
}

/// A widget's elements in a host element, with the owner of everything reactive in them:
/// dropping it takes the widget down.
pub struct Mounted {
    root: Node,
    owner: leptos::prelude::Owner,
}

impl Mounted {
    /// Makes `make`'s elements under a new owner and appends them to `parent`.
    pub fn new(parent: &Element, make: impl FnOnce() -> Dom) -> Mounted {
        start_task_executor();
        let owner = leptos::prelude::Owner::new();
        let root = owner.with(make).0;
        let _ = parent.append_child(&root);
        Mounted { root, owner }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(p) = self.root.parent_node() {
            let _ = p.remove_child(&self.root);
        }
        self.owner.cleanup();
    }
}
